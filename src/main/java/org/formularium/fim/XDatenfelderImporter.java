package org.formularium.fim;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Imports a FIM "Stammdatenschema" (XDatenfelder 2.0 or 3.0.0, or a 3.0.0 Datenfeldgruppe message) as a draft
 * form definition. Pure and stateless: no database, no network, no file access.
 *
 * <p>Refused files throw {@link FimImportException} with a stable {@link FimImportErrorCode}. Accepted files give
 * a draft and a report ({@link ReportEntry}) of every mapping decision; entries with
 * {@link ReportEntry.Level#ACTION_REQUIRED} name what the designer must do (add missing code list options,
 * express rules in JSON Logic …). A choice whose code list was not supplied has no options, so the draft fails
 * validation with {@code MISSING_OPTIONS} until the designer adds them — on purpose: publishing stays blocked.
 */
@Component
public class XDatenfelderImporter {

    /** Largest schema file read (5 MB). */
    public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    /** Largest total size of the genericode files read with one schema (20 MB). */
    public static final long MAX_CODE_LIST_BYTES = 20L * 1024 * 1024;

    /**
     * Imports a schema.
     *
     * @param xml             the XDatenfelder message
     * @param genericodeFiles optional genericode 1.0 code lists, keyed by file name or canonical (version) URI;
     *                        may be {@code null} or empty
     * @throws FimImportException when the file cannot be read, is not a supported XDatenfelder message or is
     *                            invalid (code and location tell what and where)
     */
    public FimImportResult importSchema(byte[] xml, Map<String, byte[]> genericodeFiles) {
        XmlTree.Node root = XmlTree.parse(xml, MAX_FILE_BYTES, "Die XDatenfelder-Datei");
        Report report = new Report();
        Xdf.Schema schema = XdfReader.read(root, report);
        CodeListFiles codeLists = new CodeListFiles(genericodeFiles, report);
        return new FormMapper(report, codeLists).map(schema);
    }

    /** Imports a schema without code lists. */
    public FimImportResult importSchema(byte[] xml) {
        return importSchema(xml, Map.of());
    }
}
