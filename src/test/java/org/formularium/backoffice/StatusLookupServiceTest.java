package org.formularium.backoffice;

import org.formularium.security.Role;
import org.formularium.submission.SubmissionReceipt;
import org.formularium.submission.SubmissionStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StatusLookupServiceTest extends BackofficeTestBase {

    @Autowired
    StatusLookupService lookups;
    @Autowired
    ReviewService reviews;

    SubmissionReceipt receipt;
    String clerk;

    @BeforeEach
    void submission() {
        clerk = user("status");
        receipt = submit(contactFormFor(clerk), "Anna");
    }

    @Test
    void the_right_code_shows_the_status_dates_and_public_comments_but_no_internal_ones() {
        login(clerk, Role.CLERK);
        reviews.changeStatus(receipt.reference(), lockOf(receipt.reference()), SubmissionStatus.IN_REVIEW,
                "intern: Akte angelegt", "Wir prüfen Ihren Antrag.");
        logout();

        StatusLookupResult result = lookups.lookup(" " + receipt.reference().toLowerCase() + " ",
                receipt.accessCode().toLowerCase(), ip());

        assertThat(result).isInstanceOfSatisfying(StatusLookupResult.Found.class, found -> {
            PublicStatus status = found.status();
            assertThat(status.reference()).isEqualTo(receipt.reference());
            assertThat(status.status()).isEqualTo(SubmissionStatus.IN_REVIEW);
            assertThat(status.formTitle().get("de")).isEqualTo("Kontaktformular");
            assertThat(status.submittedAt()).isNotNull();
            assertThat(status.steps()).singleElement().satisfies(step -> {
                assertThat(step.status()).isEqualTo(SubmissionStatus.IN_REVIEW);
                assertThat(step.publicComment()).isEqualTo("Wir prüfen Ihren Antrag.");
            });
            assertThat(status.toString()).doesNotContain("intern");
        });
    }

    @Test
    void a_wrong_code_and_an_unknown_reference_give_the_same_answer() {
        StatusLookupResult wrongCode = lookups.lookup(receipt.reference(), "AAAAAAAAAAAA", ip());
        StatusLookupResult unknownReference = lookups.lookup("FM-1999-000001", receipt.accessCode(), ip());
        StatusLookupResult nothing = lookups.lookup("", "", ip());

        assertThat(wrongCode).isEqualTo(new StatusLookupResult.NotFound()).isEqualTo(unknownReference)
                .isEqualTo(nothing);
    }

    @Test
    void ten_attempts_per_client_address_then_the_client_is_told_when_to_try_again() {
        String address = ip();
        for (int i = 0; i < 10; i++) {
            assertThat(lookups.lookup("FM-1999-" + String.format("%06d", i), "WRONG", address))
                    .isInstanceOf(StatusLookupResult.NotFound.class);
        }

        StatusLookupResult blocked = lookups.lookup(receipt.reference(), receipt.accessCode(), address);

        // a token bucket: the next attempt comes back after window / attempts (10 minutes / 10)
        assertThat(blocked).isInstanceOfSatisfying(StatusLookupResult.TooManyAttempts.class, t ->
                assertThat(t.retryAt()).isBetween(Instant.now().plus(Duration.ofSeconds(50)),
                        Instant.now().plus(Duration.ofMinutes(1).plusSeconds(5))));
        assertThat(lookups.lookup(receipt.reference(), receipt.accessCode(), ip()))
                .isInstanceOf(StatusLookupResult.Found.class);
    }

    @Test
    void ten_attempts_per_reference_even_from_changing_addresses() {
        for (int i = 0; i < 10; i++) {
            lookups.lookup(receipt.reference(), "WRONG" + i, ip());
        }

        assertThat(lookups.lookup(receipt.reference(), receipt.accessCode(), ip()))
                .isInstanceOf(StatusLookupResult.TooManyAttempts.class);
    }

    private static String ip() {
        return "10." + UUID.randomUUID().toString().substring(0, 8);
    }
}
