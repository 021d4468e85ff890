/**
 * PDF documents. {@link org.formularium.document.ReceiptRenderer} draws a submission receipt
 * ({@link org.formularium.document.Receipt}, built elsewhere from the answer outline) as a tagged PDF that
 * conforms to PDF/A-3a and PDF/UA-1, with the submission's JSON and XML embedded as associated files.
 *
 * <p>How (see shared/STACK.md, "PDF"): only {@code PdfContentByte} + {@code ColumnText}, every piece of
 * content inside a marked-content sequence of a leaf structure element ({@link
 * org.formularium.document.TaggedFlow}), everything else an artifact; fonts shipped under
 * {@code src/main/resources/fonts/} and parsed once per JVM ({@link org.formularium.document.ReceiptFonts});
 * user text cleaned before it reaches the PDF ({@link org.formularium.document.TextHygiene}). All
 * user-visible fixed texts come in through {@link org.formularium.document.ReceiptLabels}.
 */
package org.formularium.document;
