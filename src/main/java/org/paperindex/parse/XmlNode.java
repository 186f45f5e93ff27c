package org.paperindex.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A tiny immutable-by-convention element tree built from StAX events, one OAI record at a time, so
 * format parsers can look around freely while the page itself is still streamed.
 */
final class XmlNode {
  final String ns;
  final String local;
  final Map<String, String> attrs = new LinkedHashMap<>();
  /** Children are {@link XmlNode}s or {@link String}s (character data) in document order. */
  final List<Object> children = new ArrayList<>();

  XmlNode(String ns, String local) {
    this.ns = ns == null ? "" : ns;
    this.local = local;
  }

  /** A StAX factory that never resolves DTDs or external entities (XXE) and coalesces text. */
  static XMLInputFactory safeFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return f;
  }

  /** Reads the element the reader is positioned on (START_ELEMENT) up to its END_ELEMENT. */
  static XmlNode read(XMLStreamReader r) throws XMLStreamException {
    XmlNode root = new XmlNode(r.getNamespaceURI(), r.getLocalName());
    copyAttributes(r, root);
    List<XmlNode> stack = new ArrayList<>();
    stack.add(root);
    while (!stack.isEmpty()) {
      int ev = r.next();
      XmlNode top = stack.get(stack.size() - 1);
      switch (ev) {
        case XMLStreamConstants.START_ELEMENT -> {
          XmlNode child = new XmlNode(r.getNamespaceURI(), r.getLocalName());
          copyAttributes(r, child);
          top.children.add(child);
          stack.add(child);
        }
        case XMLStreamConstants.END_ELEMENT -> stack.remove(stack.size() - 1);
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA,
            XMLStreamConstants.SPACE, XMLStreamConstants.ENTITY_REFERENCE ->
            top.children.add(r.getText());
        default -> { }
      }
    }
    return root;
  }

  private static void copyAttributes(XMLStreamReader r, XmlNode n) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String p = r.getAttributePrefix(i);
      String name = r.getAttributeLocalName(i);
      n.attrs.put(p == null || p.isEmpty() ? name : p + ":" + name, r.getAttributeValue(i));
    }
  }

  /** Child elements with this local name, any namespace (arXiv data is not namespace-consistent). */
  List<XmlNode> all(String localName) {
    List<XmlNode> out = new ArrayList<>();
    for (Object c : children) {
      if (c instanceof XmlNode n && n.local.equals(localName)) {
        out.add(n);
      }
    }
    return out;
  }

  XmlNode first(String localName) {
    for (Object c : children) {
      if (c instanceof XmlNode n && n.local.equals(localName)) {
        return n;
      }
    }
    return null;
  }

  List<XmlNode> elements() {
    List<XmlNode> out = new ArrayList<>();
    for (Object c : children) {
      if (c instanceof XmlNode n) {
        out.add(n);
      }
    }
    return out;
  }

  /** All descendant text, concatenated. */
  String text() {
    StringBuilder sb = new StringBuilder();
    appendText(sb);
    return sb.toString();
  }

  private void appendText(StringBuilder sb) {
    for (Object c : children) {
      if (c instanceof String s) {
        sb.append(s);
      } else {
        ((XmlNode) c).appendText(sb);
      }
    }
  }

  /** Text of the first child with this local name, or null. */
  String childText(String localName) {
    XmlNode n = first(localName);
    return n == null ? null : n.text();
  }

  /** Re-serialises the subtree (for the quarantine; namespace URIs kept as xmlns attributes). */
  String toXml() {
    StringBuilder sb = new StringBuilder();
    writeXml(sb, "");
    return sb.toString();
  }

  private void writeXml(StringBuilder sb, String parentNs) {
    sb.append('<').append(local);
    if (!ns.equals(parentNs)) {
      sb.append(" xmlns=\"").append(escape(ns)).append('"');
    }
    for (Map.Entry<String, String> a : attrs.entrySet()) {
      if (a.getKey().indexOf(':') >= 0) {
        continue; // a prefixed attribute (xsi:schemaLocation) would need a declaration from outside
      }
      sb.append(' ').append(a.getKey()).append("=\"").append(escape(a.getValue())).append('"');
    }
    sb.append('>');
    for (Object c : children) {
      if (c instanceof String s) {
        sb.append(escape(s));
      } else {
        ((XmlNode) c).writeXml(sb, ns);
      }
    }
    sb.append("</").append(local).append('>');
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
