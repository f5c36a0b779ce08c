package org.riskaudit.app.web.county;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.riskaudit.app.report.PdfText;

/**
 * An audit board's credentials sheet: the county, the board's name and members, the passphrase in
 * large type, the sign-in address, and a QR code of the sign-in address with the passphrase in its
 * fragment ({@code #passphrase=...}: a fragment is never sent to the server, so it stays out of
 * request logs; the sign-in page may fill the field from it).
 */
final class CredentialsPdf {
  private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private static final PDType1Font MONO = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
  private static final float MARGIN = 54;

  private CredentialsPdf() {}

  static void write(
      String auditName,
      String county,
      String boardName,
      List<String> members,
      String passphrase,
      String signInUrl,
      OutputStream out)
      throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage p = new PDPage(PDRectangle.LETTER);
      doc.addPage(p);
      try (PDPageContentStream s = new PDPageContentStream(doc, p)) {
        float y = p.getMediaBox().getHeight() - MARGIN - 10;
        text(s, BOLD, 24, MARGIN, y, "Audit board credentials");
        y -= 34;
        text(s, REGULAR, 13, MARGIN, y, "Audit: " + auditName);
        y -= 20;
        text(s, REGULAR, 13, MARGIN, y, "County: " + county);
        y -= 20;
        text(s, BOLD, 16, MARGIN, y, "Board: " + boardName);
        y -= 22;
        if (!members.isEmpty()) {
          text(
              s,
              REGULAR,
              12,
              MARGIN,
              y,
              "Members named at creation: " + String.join(", ", members));
          y -= 28;
        }
        text(s, REGULAR, 13, MARGIN, y, "Passphrase (the board's number and five words):");
        y -= 40;
        text(s, MONO, 28, MARGIN, y, passphrase);
        y -= 44;
        text(s, REGULAR, 13, MARGIN, y, "Sign in at:");
        y -= 22;
        text(s, BOLD, 14, MARGIN, y, signInUrl);
        y -= 40;
        String[] notes = {
          "Both members sign in together and type their names and parties.",
          "Keep this sheet with the board; do not share it with another board.",
          "The passphrase is shown and printed only once. If it is lost, the county creates",
          "a new board."
        };
        for (String n : notes) {
          text(s, REGULAR, 11, MARGIN, y, n);
          y -= 16;
        }
        QrCode qr = qrCode(signInUrl, passphrase);
        if (qr != null) {
          y -= 30;
          text(s, REGULAR, 11, MARGIN, y, "Or scan to open the sign-in page with the passphrase:");
          drawQr(s, qr, MARGIN, y - 10, Math.min(5f, 220f / (qr.size + 8)));
        }
      }
      doc.save(out);
    }
  }

  /** Draws {@code qr} with its quiet zone of four modules, its top-left corner at (x, top). */
  private static void drawQr(PDPageContentStream s, QrCode qr, float x, float top, float module)
      throws IOException {
    float left = x + 4 * module;
    float upper = top - 4 * module;
    s.setNonStrokingColor(0f);
    for (int my = 0; my < qr.size; my++) {
      for (int mx = 0; mx < qr.size; mx++) {
        if (qr.dark(mx, my)) {
          s.addRect(left + mx * module, upper - (my + 1) * module, module, module);
        }
      }
    }
    s.fill();
  }

  /** The sheet's QR code, or null when the address is too long for one (a very long host). */
  static QrCode qrCode(String signInUrl, String passphrase) {
    try {
      return QrCode.encode(qrText(signInUrl, passphrase));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** What the QR code holds: the sign-in address, and the passphrase as its fragment. */
  static String qrText(String signInUrl, String passphrase) {
    return signInUrl
        + "#passphrase="
        + java.net.URLEncoder.encode(passphrase, java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20");
  }

  private static void text(
      PDPageContentStream s, PDType1Font f, float size, float x, float y, String t)
      throws IOException {
    PdfText.show(s, f, size, x, y, clean(t));
  }

  /** Text the standard fonts can show, at most 90 characters. */
  static String clean(String t) {
    String out = PdfText.clean(t);
    return out.length() > 90 ? out.substring(0, 89) + "~" : out;
  }
}
