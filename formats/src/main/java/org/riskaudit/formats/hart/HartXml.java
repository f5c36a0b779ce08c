package org.riskaudit.formats.hart;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one Hart CVR XML (root {@code Cvr} in namespace http://tempuri.org/CVRDesign.xsd) with
 * StAX. Only voted options are listed; an option's name is its {@code Name}, or "Write-in" for a
 * write-in position without a name.
 */
final class HartXml {
  private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

  static {
    FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  private HartXml() {}

  static HartSheet read(InputStream in) throws XMLStreamException {
    XMLStreamReader r = FACTORY.createXMLStreamReader(in);
    Map<String, List<String>> votes = new LinkedHashMap<>();
    Map<String, Boolean> over = new LinkedHashMap<>();
    String batch = null;
    String guid = "";
    String precinct = "";
    int sequence = -1;
    int sheet = 1;
    List<String> path = new ArrayList<>();
    String contest = null;
    String optionName = null;
    boolean writeIn = false;
    String optionValue = null;
    StringBuilder text = new StringBuilder();
    try {
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          path.add(r.getLocalName());
          text.setLength(0);
          if (r.getLocalName().equals("Option")) {
            optionName = null;
            optionValue = null;
            writeIn = false;
          } else if (r.getLocalName().equals("WriteInData")) {
            writeIn = true;
          }
        } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
          text.append(r.getText());
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          String name = r.getLocalName();
          String parent = path.size() > 1 ? path.get(path.size() - 2) : "";
          String t = text.toString().strip();
          switch (name) {
            case "Name" -> {
              if (parent.equals("Contest")) {
                contest = t;
                votes.putIfAbsent(contest, new ArrayList<>());
              } else if (parent.equals("Option")) {
                optionName = t;
              } else if (parent.equals("PrecinctSplit")) {
                precinct = t;
              }
            }
            case "Value" -> optionValue = t;
            case "Option" -> {
              if (contest != null && !"0".equals(optionValue)) {
                votes
                    .get(contest)
                    .add(
                        optionName != null && !optionName.isEmpty()
                            ? optionName
                            : writeIn ? "Write-in" : "(unnamed option)");
              }
            }
            case "Overvotes" -> {
              if (contest != null && !t.isEmpty() && !t.equals("0")) {
                over.put(contest, true);
              }
            }
            case "Contest" -> contest = null;
            case "BatchSequence" -> sequence = Integer.parseInt(t);
            case "SheetNumber" -> sheet = Integer.parseInt(t);
            case "BatchNumber" -> batch = t;
            case "CvrGuid" -> guid = t;
            default -> {}
          }
          path.remove(path.size() - 1);
          text.setLength(0);
        }
      }
    } finally {
      r.close();
    }
    if (batch == null || sequence < 1) {
      throw new XMLStreamException("the CVR has no BatchNumber or no positive BatchSequence");
    }
    return new HartSheet(batch, sequence, sheet, guid, precinct, votes, over);
  }
}
