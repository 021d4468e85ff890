package org.formularium.document;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a rendered PDF back with OpenPDF's reader, for assertions. */
final class PdfInspection implements AutoCloseable {

    /** An associated file as found in the catalog's /AF array. */
    record AssociatedFile(String name, String relationship, String mimeType, byte[] content) {
    }

    private final byte[] pdf;
    private final PdfReader reader;

    PdfInspection(byte[] pdf) {
        this.pdf = pdf;
        try {
            reader = new PdfReader(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int pages() {
        return reader.getNumberOfPages();
    }

    String text(int page) {
        try {
            return new PdfTextExtractor(reader).getTextFromPage(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The page's text including artifacts (header, footer, page numbers), which {@link PdfTextExtractor}
     * skips by design: the artifact tag is renamed in a copy of the content stream before extraction.
     */
    String textWithArtifacts(int page) {
        try {
            PdfReader copy = new PdfReader(pdf);
            try {
                String content = new String(copy.getPageContent(page), StandardCharsets.ISO_8859_1);
                copy.setPageContent(page, content.replace("/Artifact", "/Artifakt")
                        .getBytes(StandardCharsets.ISO_8859_1));
                return new PdfTextExtractor(copy).getTextFromPage(page);
            } finally {
                copy.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The structure tree in reading order, one line per element: its type, indented by depth, with
     * " alt=…" for elements with alternative text and " scope=…" for table headers.
     */
    String structureTree() {
        StringBuilder out = new StringBuilder();
        PdfDictionary root = catalog().getAsDict(PdfName.STRUCTTREEROOT);
        if (root != null) {
            walk(root.get(PdfName.K), 0, out);
        }
        return out.toString();
    }

    private static void walk(PdfObject kids, int depth, StringBuilder out) {
        PdfObject k = PdfReader.getPdfObject(kids);
        if (k == null) {
            return;
        }
        if (k.isArray()) {
            PdfArray array = (PdfArray) k;
            for (int i = 0; i < array.size(); i++) {
                walk(array.getPdfObject(i), depth, out);
            }
            return;
        }
        if (!k.isDictionary()) {
            return; // marked-content id
        }
        PdfDictionary element = (PdfDictionary) k;
        PdfName type = element.getAsName(PdfName.S);
        if (type == null) {
            return; // marked-content reference
        }
        out.append("  ".repeat(depth)).append(PdfName.decodeName(type.toString()));
        if (element.getAsString(PdfName.ALT) != null) {
            out.append(" alt=").append(element.getAsString(PdfName.ALT).toUnicodeString());
        }
        PdfDictionary attributes = element.getAsDict(PdfName.A);
        if (attributes != null && attributes.getAsName(new PdfName("Scope")) != null) {
            out.append(" scope=").append(PdfName.decodeName(attributes.getAsName(new PdfName("Scope")).toString()));
        }
        out.append('\n');
        walk(element.get(PdfName.K), depth + 1, out);
    }

    PdfDictionary catalog() {
        return reader.getCatalog();
    }

    List<AssociatedFile> associatedFiles() {
        PdfArray af = catalog().getAsArray(PdfName.AF);
        List<AssociatedFile> files = new ArrayList<>();
        if (af == null) {
            return files;
        }
        for (int i = 0; i < af.size(); i++) {
            files.add(read((PdfDictionary) PdfReader.getPdfObject(af.getPdfObject(i))));
        }
        return files;
    }

    /** The files listed in /Names /EmbeddedFiles, by name. */
    Map<String, byte[]> embeddedFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        PdfDictionary names = catalog().getAsDict(PdfName.NAMES);
        PdfDictionary embedded = names == null ? null : names.getAsDict(PdfName.EMBEDDEDFILES);
        PdfArray list = embedded == null ? null : embedded.getAsArray(PdfName.NAMES);
        if (list == null) {
            return files;
        }
        for (int i = 1; i < list.size(); i += 2) {
            AssociatedFile file = read((PdfDictionary) PdfReader.getPdfObject(list.getPdfObject(i)));
            files.put(file.name(), file.content());
        }
        return files;
    }

    private static AssociatedFile read(PdfDictionary spec) {
        PdfDictionary ef = spec.getAsDict(PdfName.EF);
        PdfObject stream = PdfReader.getPdfObject(ef.get(PdfName.F));
        try {
            byte[] content = PdfReader.getStreamBytes((PRStream) stream);
            PdfName relationship = spec.getAsName(new PdfName("AFRelationship"));
            PdfName subtype = ((PRStream) stream).getAsName(PdfName.SUBTYPE);
            return new AssociatedFile(spec.getAsString(PdfName.UF).toUnicodeString(),
                    relationship == null ? null : PdfName.decodeName(relationship.toString()),
                    subtype == null ? null : PdfName.decodeName(subtype.toString()), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
