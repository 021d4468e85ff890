package org.formularium.definition.schema;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin layer over the JDK's {@link XMLStreamWriter}: indents element-only content with two spaces, removes
 * characters XML 1.0 forbids from text and attribute values, and keeps carriage returns in text as
 * {@code &#13;} so that parsers do not turn them into line feeds. Never used for mixed content.
 */
final class XmlOut implements AutoCloseable {

    private final XMLStreamWriter writer;
    /** Per open element: whether it has child elements (then its end tag goes on its own line). */
    private final Deque<Boolean> open = new ArrayDeque<>();

    XmlOut(OutputStream out) throws XMLStreamException {
        // the JDK's own implementation (not whatever StAX provider is on the classpath), one factory per document
        this.writer = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
        writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
        writer.writeCharacters("\n");
    }

    /** Declares a prefix for the next start tag and the rest of the document. */
    XmlOut prefix(String prefix, String namespace) throws XMLStreamException {
        writer.setPrefix(prefix, namespace);
        return this;
    }

    /** Sets the default namespace used by following start tags. */
    XmlOut defaultNamespace(String namespace) throws XMLStreamException {
        writer.setDefaultNamespace(namespace);
        return this;
    }

    /** Writes the namespace declaration of the open start tag. */
    XmlOut declare(String prefix, String namespace) throws XMLStreamException {
        if (prefix.isEmpty()) {
            writer.writeDefaultNamespace(namespace);
        } else {
            writer.writeNamespace(prefix, namespace);
        }
        return this;
    }

    /** Opens an element in the given namespace (its prefix or the default namespace must be set). */
    XmlOut start(String namespace, String localName) throws XMLStreamException {
        if (!open.isEmpty()) {
            open.pop();
            open.push(true);
            newline(open.size());
        }
        writer.writeStartElement(namespace, localName);
        open.push(false);
        return this;
    }

    /** Writes an empty element ({@code <x/>}); attributes may follow, no content. */
    XmlOut empty(String namespace, String localName) throws XMLStreamException {
        if (!open.isEmpty()) {
            open.pop();
            open.push(true);
            newline(open.size());
        }
        writer.writeEmptyElement(namespace, localName);
        return this;
    }

    /** Adds an unqualified attribute to the open start tag; {@code null} values are left out. */
    XmlOut attribute(String name, String value) throws XMLStreamException {
        if (value != null) {
            writer.writeAttribute(name, XmlChars.clean(value));
        }
        return this;
    }

    /** Adds a namespaced attribute (e.g. {@code xml:lang}) to the open start tag. */
    XmlOut attribute(String prefix, String namespace, String name, String value) throws XMLStreamException {
        writer.writeAttribute(prefix, namespace, name, XmlChars.clean(value));
        return this;
    }

    /** Writes text content. */
    XmlOut text(String text) throws XMLStreamException {
        String cleaned = XmlChars.clean(text);
        int from = 0;
        for (int cr = cleaned.indexOf('\r'); cr >= 0; cr = cleaned.indexOf('\r', from)) {
            writer.writeCharacters(cleaned.substring(from, cr));
            writer.writeEntityRef("#13");
            from = cr + 1;
        }
        writer.writeCharacters(cleaned.substring(from));
        return this;
    }

    /** Closes the innermost open element. */
    XmlOut end() throws XMLStreamException {
        boolean hasChildren = open.pop();
        if (hasChildren) {
            newline(open.size());
        }
        writer.writeEndElement();
        return this;
    }

    /** An element with only text. */
    XmlOut element(String namespace, String localName, String text) throws XMLStreamException {
        return start(namespace, localName).text(text).end();
    }

    private void newline(int depth) throws XMLStreamException {
        writer.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Ends the document (every element must be closed) and flushes. */
    void finish() throws XMLStreamException {
        if (!open.isEmpty()) {
            throw new IllegalStateException(open.size() + " elements are still open");
        }
        writer.writeEndDocument();
        writer.writeCharacters("\n");
        writer.flush();
    }

    /** Releases the writer; the output stream stays open. */
    @Override
    public void close() throws XMLStreamException {
        writer.close();
    }
}
