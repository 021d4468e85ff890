package org.formularium.document;

import org.springframework.stereotype.Component;

/**
 * Renders a {@link Receipt} as a tagged PDF that conforms to PDF/A-3a and PDF/UA-1, with the submission's
 * JSON and XML embedded as associated files. Pure and thread-safe: no state besides the fonts, which are
 * loaded once per JVM.
 */
@Component
public class ReceiptRenderer {

    /**
     * @return the PDF
     * @throws ReceiptRenderingException if the PDF cannot be produced (never returns an empty array)
     */
    public byte[] render(Receipt receipt) {
        try {
            return new ReceiptComposer(receipt, ReceiptFonts.get()).compose();
        } catch (Exception e) {
            throw new ReceiptRenderingException("cannot render receipt " + receipt.reference(), e);
        }
    }
}
