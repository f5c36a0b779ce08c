package org.riskaudit.formats.nist;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.formats.ImportProblem;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.formats.cvr.CvrImporter;

/**
 * NIST SP 1500-103 CVR CDF v1, XML. The XML is streamed, one top-level element (a CVR, an Election,
 * ...) at a time, into the CDF's JSON shape in a temporary file (attribute {@code ObjectId} becomes
 * {@code @id}, {@code xsi:type} becomes {@code @type}, elements the schema lets repeat become
 * arrays), and read by {@link NistJsonImporter}, so both forms count votes by the same code. Memory
 * holds one CVR at a time.
 */
public final class NistXmlImporter implements CvrImporter {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();
  private static final Set<String> REPEATABLE =
      Set.of(
          "CVR",
          "CVRSnapshot",
          "CVRContest",
          "CVRContestSelection",
          "SelectionPosition",
          "Election",
          "Contest",
          "ContestSelection",
          "Candidate",
          "GpUnit",
          "Party",
          "BallotImage");

  static {
    FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  private final String county;

  public NistXmlImporter() {
    this(null);
  }

  private NistXmlImporter(String county) {
    this.county = county;
  }

  public NistXmlImporter withCounty(String county) {
    return new NistXmlImporter(county);
  }

  @Override
  public String format() {
    return "nist-xml";
  }

  @Override
  public CvrImportResult read(List<Path> inputs, Consumer<Cvr> sink) throws IOException {
    List<ImportProblem> problems = new ArrayList<>();
    List<org.riskaudit.core.card.ContestDefinition> contests = new ArrayList<>();
    long cards = 0;
    for (Path p : inputs) {
      String file = p.getFileName().toString();
      Path json = Files.createTempFile("riskaudit-nist-", ".json");
      try {
        try (InputStream in = Files.newInputStream(p);
            JsonGenerator g = new JsonFactory().createGenerator(Files.newOutputStream(json))) {
          convert(FACTORY.createXMLStreamReader(in), g);
        } catch (XMLStreamException | RuntimeException e) {
          problems.add(
              ImportProblem.error(
                  file,
                  0,
                  "",
                  "the file is not a readable NIST CDF XML report: " + e.getMessage(),
                  "Export the CVR report again; it may be truncated."));
          continue;
        }
        String name = county != null ? county : file.replaceFirst("(?i)\\.xml$", "");
        CvrImportResult r = new NistJsonImporter().withCounty(name).read(List.of(json), sink);
        String tmp = json.getFileName().toString();
        for (ImportProblem q : r.problems()) {
          problems.add(
              new ImportProblem(
                  q.file().equals(tmp) ? file : q.file(),
                  q.line(),
                  q.column(),
                  q.what(),
                  q.fix(),
                  q.severity()));
        }
        cards += r.cards();
        r.contests().stream()
            .filter(c -> contests.stream().noneMatch(d -> d.name().equals(c.name())))
            .forEach(contests::add);
      } finally {
        Files.deleteIfExists(json);
      }
    }
    return new CvrImportResult(format(), contests, cards, problems);
  }

  /** Root element's children become the JSON object's fields, one subtree at a time. */
  private static void convert(XMLStreamReader r, JsonGenerator g)
      throws XMLStreamException, IOException {
    while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
      // skip to the root
    }
    if (!r.getLocalName().equals("CastVoteRecordReport")) {
      throw new XMLStreamException(
          "the root element is " + r.getLocalName() + ", not CastVoteRecordReport");
    }
    g.writeStartObject();
    String open = null;
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String name = r.getLocalName();
        ObjectNode node = element(r);
        if (!name.equals(open)) {
          if (open != null && REPEATABLE.contains(open)) {
            g.writeEndArray();
          }
          g.writeFieldName(name);
          if (REPEATABLE.contains(name)) {
            g.writeStartArray();
          }
          open = name;
        }
        MAPPER.writeTree(g, node.size() == 1 && node.has("#text") ? node.get("#text") : node);
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        break;
      }
    }
    if (open != null && REPEATABLE.contains(open)) {
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** The current element (reader on its START_ELEMENT) as a JSON object; leaves it on its END. */
  private static ObjectNode element(XMLStreamReader r) throws XMLStreamException {
    ObjectNode node = MAPPER.createObjectNode();
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String a = r.getAttributeLocalName(i);
      node.put(
          a.equals("ObjectId") ? "@id" : a.equals("type") ? "@type" : a, r.getAttributeValue(i));
    }
    StringBuilder text = new StringBuilder();
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String name = r.getLocalName();
        ObjectNode child = element(r);
        var value = child.size() == 1 && child.has("#text") ? child.get("#text") : child;
        if (REPEATABLE.contains(name)) {
          ((ArrayNode) (node.has(name) ? node.get(name) : node.putArray(name))).add(value);
        } else if (node.has(name)) {
          String prev = node.get(name).asText();
          node.put(name, prev + " " + value.asText());
        } else {
          node.set(name, value);
        }
      } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
        text.append(r.getText());
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        break;
      }
    }
    if (node.isEmpty() && !text.toString().isBlank()) {
      node.put("#text", text.toString().strip());
    }
    return node;
  }
}
