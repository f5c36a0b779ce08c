package org.riskaudit.app.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Text for RiskAudit's PDFs (reports, retrieval lists, tally sheets, credentials) in the standard
 * Helvetica fonts, which encode WinAnsi only: characters outside it are replaced (accented letters
 * keep their base letter, anything else becomes '?') so that a county or candidate name in any
 * script never stops the report; lines are wrapped or truncated to a width so that nothing runs off
 * the page.
 */
public final class PdfText {
  static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  static final PDType1Font MONO = new PDType1Font(Standard14Fonts.FontName.COURIER);

  private static final String ELLIPSIS = "...";
  private static final Map<Integer, String> REPLACEMENTS = new ConcurrentHashMap<>();

  private PdfText() {}

  /**
   * The text with every character the standard fonts cannot show replaced: control characters by a
   * space, others by their decomposition without accents when that is showable ("ź" -> "z", "ﬁ" ->
   * "fi"), else by '?'.
   */
  public static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> b.append(showable(cp)));
    return b.toString();
  }

  /** Shows {@code text}, cleaned, at (x, y) in the font and size. */
  public static void show(
      PDPageContentStream s, PDFont font, float size, float x, float y, String text)
      throws IOException {
    s.beginText();
    s.setFont(font, size);
    s.newLineAtOffset(x, y);
    s.showText(clean(text));
    s.endText();
  }

  private static String showable(int cp) {
    if (cp >= 32 && cp < 127) {
      return Character.toString(cp);
    }
    if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
      return " ";
    }
    return REPLACEMENTS.computeIfAbsent(cp, PdfText::replacement);
  }

  private static String replacement(int cp) {
    String s = Character.toString(cp);
    if (encodable(s)) {
      return s;
    }
    String base = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    return !base.isEmpty() && !base.equals(s) && encodable(base) ? base : "?";
  }

  private static boolean encodable(String s) {
    try {
      REGULAR.encode(s);
      BOLD.encode(s);
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  /** The width in points of already cleaned text. */
  static float width(PDFont font, float size, String cleaned) {
    try {
      return font.getStringWidth(cleaned) / 1000f * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text cut to fit the width, ending in "..." when cut. */
  static String truncate(PDFont font, float size, String text, float maxWidth) {
    String t = clean(text);
    if (width(font, size, t) <= maxWidth) {
      return t;
    }
    int lo = 0;
    int hi = t.length();
    while (lo < hi) {
      int mid = (lo + hi + 1) / 2;
      if (width(font, size, t.substring(0, mid) + ELLIPSIS) <= maxWidth) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return t.substring(0, lo).stripTrailing() + ELLIPSIS;
  }

  /**
   * The text broken into lines no wider than the width: at spaces where possible, inside a word
   * that is wider than a line (a hash, a long card id); at most {@code maxLines}, the last one
   * truncated when text is left over. Explicit line breaks are kept.
   */
  static List<String> wrap(PDFont font, float size, String text, float maxWidth, int maxLines) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : (text == null ? "" : text).split("\n", -1)) {
      wrapParagraph(font, size, clean(paragraph), maxWidth, lines);
    }
    if (lines.size() > maxLines) {
      String rest = String.join(" ", lines.subList(maxLines - 1, lines.size()));
      List<String> kept = new ArrayList<>(lines.subList(0, maxLines - 1));
      kept.add(truncate(font, size, rest + ELLIPSIS, maxWidth));
      return kept;
    }
    return lines;
  }

  private static void wrapParagraph(
      PDFont font, float size, String text, float maxWidth, List<String> lines) {
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" +")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (width(font, size, candidate) <= maxWidth) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      String rest = word;
      while (width(font, size, rest) > maxWidth && rest.length() > 1) {
        int fit = fitting(font, size, rest, maxWidth);
        lines.add(rest.substring(0, fit));
        rest = rest.substring(fit);
      }
      line.append(rest);
    }
    lines.add(line.toString());
  }

  /** The longest prefix (at least one character) of the text that fits the width. */
  private static int fitting(PDFont font, float size, String t, float maxWidth) {
    int n = 1;
    while (n < t.length() && width(font, size, t.substring(0, n + 1)) <= maxWidth) {
      n++;
    }
    return n;
  }
}
