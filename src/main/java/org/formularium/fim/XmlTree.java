package org.formularium.fim;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads untrusted XML into a small element tree with line numbers. Secure by construction: no DTD processing,
 * no external entities or resources (a DOCTYPE is refused before anything is resolved), size and depth limits,
 * namespace aware.
 */
final class XmlTree {

    static final int MAX_DEPTH = 64;

    private XmlTree() {
    }

    /** One element: namespace, local name, attributes (local name → value), children, direct text, line. */
    static final class Node {
        final String namespace;
        final String localName;
        final Map<String, String> attributes;
        final List<Node> children = new ArrayList<>();
        final Node parent;
        final int line;
        private final StringBuilder text = new StringBuilder();

        Node(String namespace, String localName, Map<String, String> attributes, Node parent, int line) {
            this.namespace = namespace == null ? "" : namespace;
            this.localName = localName;
            this.attributes = Collections.unmodifiableMap(attributes);
            this.parent = parent;
            this.line = line;
        }

        /** The direct text content, trimmed. */
        String text() {
            return text.toString().strip();
        }

        /** Whether the element has neither child elements nor text. */
        boolean isBlank() {
            return children.isEmpty() && text().isEmpty();
        }

        /** The path of local names from the root, e.g. {@code /xdatenfelder.stammdatenschema.0102/stammdatenschema}. */
        String path() {
            return (parent == null ? "" : parent.path()) + "/" + localName;
        }

        /** Path and line, for error locations. */
        String location() {
            return path() + " (Zeile " + line + ")";
        }
    }

    /**
     * Parses the bytes.
     *
     * @param what what the file is, for messages ("Die XDatenfelder-Datei", "Die Codeliste x.xml")
     * @throws FimImportException NOT_XML, TOO_LARGE or DOCTYPE_NOT_ALLOWED
     */
    static Node parse(byte[] xml, int maxBytes, String what) {
        if (xml == null || xml.length == 0) {
            throw new FimImportException(FimImportErrorCode.NOT_XML, what + " ist leer.", "");
        }
        if (xml.length > maxBytes) {
            throw new FimImportException(FimImportErrorCode.TOO_LARGE, what + " ist " + xml.length
                    + " Bytes groß; erlaubt sind höchstens " + maxBytes + " Bytes.", "");
        }
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new ByteArrayInputStream(xml));
            return read(reader, what);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new FimImportException(FimImportErrorCode.NOT_XML, what + " ist kein wohlgeformtes XML: "
                    + firstLine(e.getMessage()), line > 0 ? "Zeile " + line : "", e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // closing a fully read in-memory stream cannot lose data
                }
            }
        }
    }

    private static Node read(XMLStreamReader reader, String what) throws XMLStreamException {
        Deque<Node> open = new ArrayDeque<>();
        Node root = null;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                        throw new FimImportException(FimImportErrorCode.DOCTYPE_NOT_ALLOWED, what
                                + " enthält eine DOCTYPE-Deklaration oder Entity; das ist aus Sicherheitsgründen nicht erlaubt.",
                                "Zeile " + reader.getLocation().getLineNumber());
                case XMLStreamConstants.START_ELEMENT -> {
                    if (open.size() >= MAX_DEPTH) {
                        throw new FimImportException(FimImportErrorCode.TOO_LARGE, what + " ist tiefer als "
                                + MAX_DEPTH + " Ebenen verschachtelt.", "Zeile " + reader.getLocation().getLineNumber());
                    }
                    Map<String, String> attributes = new LinkedHashMap<>();
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                    }
                    Node node = new Node(reader.getNamespaceURI(), reader.getLocalName(), attributes, open.peek(),
                            reader.getLocation().getLineNumber());
                    if (open.isEmpty()) {
                        root = node;
                    } else {
                        open.peek().children.add(node);
                    }
                    open.push(node);
                }
                case XMLStreamConstants.END_ELEMENT -> open.pop();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!open.isEmpty()) {
                        open.peek().text.append(reader.getText());
                    }
                }
                default -> {
                    // comments, processing instructions, document start/end
                }
            }
        }
        if (root == null) {
            throw new FimImportException(FimImportErrorCode.NOT_XML, what + " enthält kein Element.", "");
        }
        return root;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("Externe Ressourcen werden nicht geladen: " + systemId);
        });
        return factory;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String[] lines = message.strip().split("\\R");
        return lines[lines.length - 1].strip();
    }
}
