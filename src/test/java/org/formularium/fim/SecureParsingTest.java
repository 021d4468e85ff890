package org.formularium.fim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureParsingTest {

    private static final String SECRET = "TOP-SECRET-4711";

    private final XDatenfelderImporter importer = new XDatenfelderImporter();

    @Test
    void an_external_entity_is_refused_and_the_referenced_file_is_not_read(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE x [ <!ENTITY xxe SYSTEM "%s"> ]>
                <xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_2">
                  <xdf:stammdatenschema><xdf:identifikation><xdf:id>S1</xdf:id></xdf:identifikation>
                    <xdf:name>&xxe;</xdf:name></xdf:stammdatenschema>
                </xdf:xdatenfelder.stammdatenschema.0102>""".formatted(secret.toUri());

        FimImportException e = refused(xml);

        assertThat(e.code()).isEqualTo(FimImportErrorCode.DOCTYPE_NOT_ALLOWED);
        assertThat(e.getMessage()).doesNotContain(SECRET);
        assertThat(e.toString()).doesNotContain(SECRET);
    }

    @Test
    void an_external_dtd_or_entity_url_is_never_fetched() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/evil";
            String withDtd = "<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"" + url + ".dtd\"><x/>";
            String withEntity = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]><x/>";

            assertThat(refused(withDtd).code()).isEqualTo(FimImportErrorCode.DOCTYPE_NOT_ALLOWED);
            assertThat(refused(withEntity).code()).isIn(FimImportErrorCode.DOCTYPE_NOT_ALLOWED,
                    FimImportErrorCode.NOT_XML);

            server.setSoTimeout(300);
            assertThat(catchThrowableOfType(SocketTimeoutException.class, server::accept))
                    .as("nobody connected to the server").isNotNull();
        }
    }

    @Test
    void entity_expansion_bombs_are_refused() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <lolz>&lol2;</lolz>""";

        assertThat(refused(xml).code()).isEqualTo(FimImportErrorCode.DOCTYPE_NOT_ALLOWED);
    }

    @Test
    void a_genericode_file_with_an_external_entity_is_not_read_either(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        String list = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<gc:CodeList xmlns:gc=\"http://docs.oasis-open.org/codelist/ns/genericode/1.0/\">&xxe;</gc:CodeList>";

        FimImportResult result = importer.importSchema(FimFiles.shared("v2/select.xml"),
                Map.of("urn:de:example_1", list.getBytes(StandardCharsets.UTF_8)));

        assertThat(result.report()).anySatisfy(e -> assertThat(e.message()).contains("DOCTYPE_NOT_ALLOWED"));
        assertThat(result.report()).noneSatisfy(e -> assertThat(e.message()).contains(SECRET));
        assertThat(result.draft().codeLists()).isNull();
    }

    @Test
    void files_larger_than_five_megabytes_are_refused_before_parsing() {
        byte[] big = new byte[XDatenfelderImporter.MAX_FILE_BYTES + 1];
        Arrays.fill(big, (byte) ' ');

        FimImportException e = catchThrowableOfType(FimImportException.class, () -> importer.importSchema(big));

        assertThat(e.code()).isEqualTo(FimImportErrorCode.TOO_LARGE);
    }

    @Test
    void absurdly_deep_nesting_is_refused() {
        String xml = "<a>".repeat(XmlTree.MAX_DEPTH + 1) + "</a>".repeat(XmlTree.MAX_DEPTH + 1);

        assertThat(refused(xml).code()).isEqualTo(FimImportErrorCode.TOO_LARGE);
    }

    @Test
    void empty_and_malformed_input_is_not_xml() {
        assertThat(catchThrowableOfType(FimImportException.class, () -> importer.importSchema(new byte[0])).code())
                .isEqualTo(FimImportErrorCode.NOT_XML);
        assertThat(catchThrowableOfType(FimImportException.class, () -> importer.importSchema(null)).code())
                .isEqualTo(FimImportErrorCode.NOT_XML);
        FimImportException e = refused("<xdf:a xmlns:xdf=\"x\"><b></xdf:a>");
        assertThat(e.code()).isEqualTo(FimImportErrorCode.NOT_XML);
        assertThat(e.location()).contains("Zeile 1");
        assertThat(refused("{\"json\": true}").code()).isEqualTo(FimImportErrorCode.NOT_XML);
    }

    @Test
    void xml_without_the_xdatenfelder_namespace_is_an_unknown_namespace() {
        FimImportException e = refused("<html><body/></html>");

        assertThat(e.code()).isEqualTo(FimImportErrorCode.UNKNOWN_NAMESPACE);
        assertThat(e.getMessage()).contains("(keiner)");
    }

    private FimImportException refused(String xml) {
        FimImportException e = catchThrowableOfType(FimImportException.class,
                () -> importer.importSchema(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(e).as("import must be refused").isNotNull();
        return e;
    }
}
