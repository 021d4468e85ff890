package org.formularium.document;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfFileSpecification;
import com.lowagie.text.pdf.PdfICCBased;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.xml.xmp.XmpWriter;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** The PDF/A-3 + PDF/UA-1 parts OpenPDF does not write by itself: output intent, associated files, XMP. */
final class PdfA3 {

    private static final PdfName AF_RELATIONSHIP = new PdfName("AFRelationship");
    private static final String SRGB = "sRGB IEC61966-2.1";
    private static final ICC_Profile SRGB_PROFILE = ICC_Profile.getInstance(ColorSpace.CS_sRGB);

    private PdfA3() {
    }

    /** An sRGB output intent with subtype GTS_PDFA1. Call after {@code Document.open()}. */
    static void addOutputIntent(PdfWriter writer) throws IOException {
        PdfICCBased profile = new PdfICCBased(SRGB_PROFILE, PdfStream.BEST_COMPRESSION);
        PdfIndirectReference profileRef = writer.addToBody(profile).getIndirectReference();
        PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
        intent.put(PdfName.S, new PdfName("GTS_PDFA1"));
        intent.put(PdfName.OUTPUTCONDITIONIDENTIFIER, new PdfString(SRGB));
        intent.put(PdfName.INFO, new PdfString(SRGB));
        intent.put(PdfName.REGISTRYNAME, new PdfString("http://www.color.org"));
        intent.put(PdfName.DESTOUTPUTPROFILE, profileRef);
        writer.getExtraCatalog().put(PdfName.OUTPUTINTENTS, new PdfArray(intent));
    }

    /**
     * Embeds a file as an associated file of the document: listed in {@code /Names /EmbeddedFiles} and
     * in the catalog's {@code /AF} array.
     *
     * @param relationship {@code Data}, {@code Source}, …
     */
    static void associate(PdfWriter writer, PdfArray af, String fileName, byte[] content, String mimeType,
                          String relationship, String description) throws IOException {
        PdfDictionary params = new PdfDictionary();
        params.put(PdfName.MODDATE, new PdfDate());
        PdfFileSpecification spec = PdfFileSpecification.fileEmbedded(writer, null, fileName, content, mimeType,
                params, PdfStream.BEST_COMPRESSION);
        // must be set before the first getReference(): the dictionary is serialised at once
        spec.put(AF_RELATIONSHIP, new PdfName(relationship));
        spec.put(PdfName.DESC, new PdfString(description, PdfObject.TEXT_UNICODE));
        writer.addFileAttachment(description, spec);
        af.add(spec.getReference());
    }

    static void setAssociatedFiles(PdfWriter writer, PdfArray af) {
        writer.getExtraCatalog().put(PdfName.AF, af);
    }

    /**
     * XMP metadata agreeing with the document information, declaring PDF/A-3a and PDF/UA-1 (with the
     * extension schema PDF/A requires for the pdfuaid namespace). Call last, just before closing.
     */
    static void setXmp(PdfWriter writer) throws IOException {
        ByteArrayOutputStream xmp = new ByteArrayOutputStream(4096);
        try (XmpWriter out = new XmpWriter(xmp, writer.getInfo(), PdfWriter.PDFXNONE)) {
            out.addRdfDescription("xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"",
                    "<pdfaid:part>3</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>");
            out.addRdfDescription("xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"",
                    "<pdfuaid:part>1</pdfuaid:part>");
            out.addRdfDescription("xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
                            + " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
                            + " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\"",
                    "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">"
                            + "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>"
                            + "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>"
                            + "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"
                            + "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">"
                            + "<pdfaProperty:name>part</pdfaProperty:name>"
                            + "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
                            + "<pdfaProperty:category>internal</pdfaProperty:category>"
                            + "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed"
                            + "</pdfaProperty:description>"
                            + "</rdf:li></rdf:Seq></pdfaSchema:property>"
                            + "</rdf:li></rdf:Bag></pdfaExtension:schemas>");
        }
        writer.setXmpMetadata(xmp.toByteArray());
    }
}
