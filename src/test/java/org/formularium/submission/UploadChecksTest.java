package org.formularium.submission;

import org.formularium.definition.model.FileElement;
import org.formularium.definition.model.LocalizedText;
import org.formularium.support.AbstractDatabaseTest;
import org.formularium.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Upload checks: the type comes from the content and must match the name's extension, names are data (never paths),
 * sizes are bounded, and ZIP archives are bounded in entries, unpacked size and nesting, with zip-slip names refused.
 * The service here has small ZIP limits: 10 entries, 1 MB unpacked, one archive inside an archive.
 */
class UploadChecksTest extends AbstractDatabaseTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    AttachmentRepository repository;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    private final String formKey = "uploads-" + UUID.randomUUID().toString().substring(0, 8);

    private AttachmentService service() {
        return new AttachmentService(repository, clock, 10, 1024 * 1024, 1);
    }

    private static FileElement element(Integer maxSizeKb, String... accept) {
        return new FileElement("file", LocalizedText.of("Datei", "File"), null, List.of(accept), maxSizeKb, null, null,
                null, null, null, null, null, null, null, null);
    }

    private StoredAttachment upload(FileElement element, String name, byte[] content) {
        return service().upload(formKey, element, name, new ByteArrayInputStream(content));
    }

    private void assertRefused(FileElement element, String name, byte[] content, AttachmentRejectedException.Reason reason,
                               String germanMessagePart) {
        int before = stored();
        assertThatThrownBy(() -> upload(element, name, content))
                .isInstanceOfSatisfying(AttachmentRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.userMessage().get("de")).contains(germanMessagePart);
                    assertThat(e.userMessage().get("en")).isNotBlank();
                });
        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }

    private int stored() {
        return jdbc.queryForObject("select count(*) from attachment where form_key = ?", Integer.class, formKey);
    }

    // ---- types ------------------------------------------------------------------------------------

    @Test
    void a_png_named_pdf_is_refused_as_a_mismatch_even_though_both_types_are_allowed() {
        assertRefused(element(null, "application/pdf", "image/png"), "rechnung.pdf", TestData.pngBytes(),
                AttachmentRejectedException.Reason.TYPE_MISMATCH, "passt nicht zu ihrer Dateiendung");
    }

    @Test
    void html_named_png_is_refused_by_its_content() {
        byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertRefused(element(null, "image/png"), "bild.png", html,
                AttachmentRejectedException.Reason.TYPE_NOT_ALLOWED, "nicht erlaubtes Format");
    }

    @Test
    void matching_names_names_without_extension_and_wildcard_types_are_accepted() {
        assertThat(upload(element(null, "image/png"), "foto.PNG", TestData.pngBytes()).mediaType()).isEqualTo("image/png");
        assertThat(upload(element(null, "image/*"), "scan", TestData.pngBytes()).mediaType()).isEqualTo("image/png");
        assertThat(upload(element(null, "application/pdf"), "antrag.pdf", PDF).mediaType()).isEqualTo("application/pdf");
    }

    // ---- names ------------------------------------------------------------------------------------

    @Test
    void path_names_and_control_characters_are_stripped_and_the_name_is_stored_only_in_the_database() throws IOException {
        String hostile = "../../etc/\u0007pass\u0000wd\u202E\n.pdf";
        Path target = Path.of("/etc/passwd.pdf");

        StoredAttachment stored = upload(element(null, "application/pdf"), hostile, PDF);
        StoredAttachment windows = upload(element(null, "application/pdf"), "C:\\Windows\\..\\..\\böse.pdf", PDF);

        assertThat(stored.name()).isEqualTo("passwd.pdf");
        assertThat(windows.name()).isEqualTo("böse.pdf");
        // name and content are stored encrypted in the database row, never in the file system
        Map<String, Object> row = jdbc.queryForMap("select file_name_encrypted, content_encrypted from attachment where id = ?",
                stored.id());
        assertThat(row.get("file_name_encrypted")).isNotNull();
        assertThat(row.get("content_encrypted")).isNotNull();
        assertThat(service().content(stored.id())).contains(PDF);
        assertThat(Files.exists(target)).isFalse();
        assertThat(Files.exists(Path.of("passwd.pdf"))).isFalse();
    }

    // ---- sizes ------------------------------------------------------------------------------------

    @Test
    void a_file_over_the_elements_limit_is_refused() {
        byte[] big = new byte[2048 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertRefused(element(2, "application/pdf"), "gross.pdf", big, AttachmentRejectedException.Reason.TOO_LARGE,
                "höchstens 2 KB");
    }

    // ---- archives ---------------------------------------------------------------------------------

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static final FileElement ZIPS = element(null, "application/zip");

    @Test
    void a_harmless_archive_is_accepted() throws IOException {
        byte[] archive = zip(Map.of("belege/rechnung.pdf", PDF, "belege/foto.png", TestData.pngBytes()));

        assertThat(upload(ZIPS, "belege.zip", archive).mediaType()).isEqualTo("application/zip");
    }

    @Test
    void a_zip_bomb_is_refused_at_the_unpacked_size_limit() throws IOException {
        byte[] bomb = zip(Map.of("nullen.bin", new byte[8 * 1024 * 1024]));
        assertThat(bomb.length).as("8 MB of zeros compress to a few KB").isLessThan(20_000);

        assertRefused(ZIPS, "bombe.zip", bomb, AttachmentRejectedException.Reason.UNSAFE_ARCHIVE, "entpackt zu groß");
    }

    @Test
    void a_bomb_spread_over_small_entries_is_refused_too() throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            entries.put("teil" + i + ".bin", new byte[300 * 1024]);
        }
        assertRefused(ZIPS, "teile.zip", zip(entries), AttachmentRejectedException.Reason.UNSAFE_ARCHIVE, "entpackt zu groß");
    }

    @Test
    void zip_slip_names_are_refused() throws IOException {
        for (String name : List.of("../../etc/cron.d/evil", "belege/../../evil.sh", "/etc/passwd", "C:/Windows/evil.dll",
                "belege\\..\\..\\evil.bat", "datei\u0000.pdf")) {
            assertRefused(ZIPS, "slip.zip", zip(Map.of(name, PDF)), AttachmentRejectedException.Reason.UNSAFE_ARCHIVE,
                    "unzulässige Dateinamen");
        }
    }

    @Test
    void too_many_entries_are_refused() throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            entries.put("datei" + i + ".txt", ("Inhalt " + i).getBytes(StandardCharsets.UTF_8));
        }
        assertRefused(ZIPS, "viele.zip", zip(entries), AttachmentRejectedException.Reason.UNSAFE_ARCHIVE,
                "zu viele Dateien (höchstens 10)");
    }

    @Test
    void one_archive_inside_an_archive_is_allowed_two_levels_are_refused() throws IOException {
        byte[] inner = zip(Map.of("rechnung.pdf", PDF));
        byte[] middle = zip(Map.of("inner.zip", inner));
        byte[] outer = zip(Map.of("middle.zip", middle));

        assertThat(upload(ZIPS, "middle.zip", middle).mediaType()).isEqualTo("application/zip");
        assertRefused(ZIPS, "outer.zip", outer, AttachmentRejectedException.Reason.UNSAFE_ARCHIVE, "verschachtelte");
    }

    @Test
    void a_slip_name_inside_an_inner_archive_is_refused() throws IOException {
        byte[] inner = zip(Map.of("../../evil.sh", PDF));
        assertRefused(ZIPS, "aussen.zip", zip(Map.of("innen.zip", inner)), AttachmentRejectedException.Reason.UNSAFE_ARCHIVE,
                "unzulässige Dateinamen");
    }

    @Test
    void a_damaged_archive_is_refused() {
        byte[] damaged = new byte[200];
        System.arraycopy(new byte[]{'P', 'K', 3, 4}, 0, damaged, 0, 4);
        assertRefused(ZIPS, "kaputt.zip", damaged, AttachmentRejectedException.Reason.UNSAFE_ARCHIVE, "beschädigt");
    }
}
