package org.formularium.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * Test-only endpoints (picked up by component scanning in tests only) to exercise body handling, validation
 * and error mapping of the API. Scoped {@code forms:write} like a real write endpoint.
 */
@RestController
@RequestMapping("/api/v1/test-probe")
@PreAuthorize(RequireScope.FORMS_WRITE)
class ProbeController {

    record Probe(@NotBlank String name, @Min(0) @Max(10) Integer count, @Email String email,
                 List<@NotBlank String> tags, JsonNode payload) {
    }

    @PostMapping("/echo")
    public Probe echo(@Valid @RequestBody Probe probe) {
        return probe;
    }

    @GetMapping("/items/{id}")
    public Map<String, Long> item(@PathVariable long id) {
        return Map.of("id", id);
    }

    @GetMapping("/failure")
    public void failure() {
        throw new IllegalStateException("secret internal detail");
    }

    @PostMapping("/rejected")
    public void rejected() {
        throw ApiProblemException.validation("The answers are incomplete.",
                List.of(new ApiFieldError("/answers/email", "required", "Please enter an e-mail address.")));
    }
}
