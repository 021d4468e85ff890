package org.formularium.shared.branding;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrandingServiceTest {

    @Test
    void the_voerde_pack_is_read_from_the_themes_folder() {
        BrandingService service = new BrandingService(new ObjectMapper(), "themes", "voerde");

        BrandingPack pack = service.active();

        assertThat(pack.organisation(Locale.GERMAN)).isEqualTo("Stadt Voerde (Niederrhein)");
        assertThat(pack.organisation(Locale.ENGLISH)).isEqualTo("Town of Voerde (Lower Rhine)");
        assertThat(pack.colors()).containsEntry("--lumo-primary-color", "#15703f");
        assertThat(new String(pack.logoSvg())).startsWith("<svg");
        assertThat(pack.links().imprint()).startsWith("https://");
        assertThat(pack.pdfFooter(Locale.GERMAN)).isNotBlank();
        assertThat(service.available()).contains("voerde");
    }

    @Test
    void a_colour_that_is_not_a_lumo_property_is_refused(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("evil"));
        Files.writeString(dir.resolve("evil/theme.json"),
                "{\"organisation\":\"X\",\"colors\":{\"--lumo-primary-color\":\"red;} body{display:none\"}}");
        BrandingService service = new BrandingService(new ObjectMapper(), dir.toString(), "evil");

        assertThatThrownBy(service::active).hasMessageContaining("--lumo-primary-color");
    }

    @Test
    void pack_names_cannot_reach_outside_the_folder() {
        BrandingService service = new BrandingService(new ObjectMapper(), "themes", "voerde");

        assertThatThrownBy(() -> service.pack("../etc")).isInstanceOf(IllegalArgumentException.class);
    }
}
