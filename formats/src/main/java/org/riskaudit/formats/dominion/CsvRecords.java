package org.riskaudit.formats.dominion;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A small, fast CSV record reader for Dominion exports: RFC 4180 quoting (embedded commas, quotes
 * and newlines), CRLF or LF, a leading UTF-8 BOM, and Excel-formula cells {@code ="123"} which are
 * unwrapped to {@code 123}. Field text is kept in one reusable char buffer; callers read it with
 * {@link #charAt}/{@link #length}/{@link #text} without allocating per cell.
 */
final class CsvRecords {
  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int lim;
  private char[] text = new char[1024];
  private int textLen;
  private int[] start = new int[64];
  private int[] end = new int[64];
  private int fields;
  private long line = 1;
  private long recordLine;
  private boolean first = true;

  CsvRecords(Reader in) {
    this.in = in;
  }

  int fields() {
    return fields;
  }

  /** 1-based physical line on which the current record starts. */
  long line() {
    return recordLine;
  }

  int length(int field) {
    return end[field] - start[field];
  }

  char charAt(int field, int i) {
    return text[start[field] + i];
  }

  String text(int field) {
    return new String(text, start[field], end[field] - start[field]);
  }

  boolean equals(int field, String s) {
    int n = end[field] - start[field];
    if (n != s.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (text[start[field] + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private int read() throws IOException {
    if (pos == lim) {
      lim = in.read(buf, 0, buf.length);
      pos = 0;
      if (lim <= 0) {
        lim = 0;
        return -1;
      }
    }
    return buf[pos++];
  }

  private int peek() throws IOException {
    if (pos == lim) {
      lim = in.read(buf, 0, buf.length);
      pos = 0;
      if (lim <= 0) {
        lim = 0;
        return -1;
      }
    }
    return buf[pos];
  }

  private void put(char c) {
    if (textLen == text.length) {
      text = Arrays.copyOf(text, text.length * 2);
    }
    text[textLen++] = c;
  }

  private void endField() {
    if (fields == start.length) {
      start = Arrays.copyOf(start, fields * 2);
      end = Arrays.copyOf(end, fields * 2);
    }
    end[fields] = textLen;
    fields++;
    if (fields < start.length) {
      start[fields] = textLen;
    }
  }

  /**
   * Reads the next record; false at end of input. Throws {@link CsvSyntaxException} for a quote
   * that is never closed.
   */
  boolean next() throws IOException {
    fields = 0;
    textLen = 0;
    start[0] = 0;
    recordLine = line;
    int c = read();
    if (first) {
      first = false;
      if (c == '\uFEFF') {
        c = read();
      }
    }
    if (c == -1) {
      return false;
    }
    while (true) {
      // start of a field
      if (c == '=' && peek() == '"') {
        c = read(); // Excel formula ="...": drop the '=' and read the quoted part
      }
      if (c == '"') {
        long quoteLine = line;
        while (true) {
          c = read();
          if (c == -1) {
            throw new CsvSyntaxException(
                quoteLine, "a quoted cell opened on line " + quoteLine + " is never closed");
          }
          if (c == '"') {
            if (peek() == '"') {
              read();
              put('"');
            } else {
              break;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            put((char) c);
          }
        }
        c = read();
        while (c != ',' && c != '\n' && c != '\r' && c != -1) {
          put((char) c); // text after a closing quote: keep it (lenient)
          c = read();
        }
      } else {
        while (c != ',' && c != '\n' && c != '\r' && c != -1) {
          put((char) c);
          c = read();
        }
      }
      endField();
      if (c == ',') {
        c = read();
        continue;
      }
      if (c == '\r' && peek() == '\n') {
        read();
      }
      if (c != -1) {
        line++;
      }
      return true;
    }
  }

  /** An unrecoverable CSV syntax error. */
  static final class CsvSyntaxException extends IOException {
    final long line;

    CsvSyntaxException(long line, String message) {
      super(message);
      this.line = line;
    }
  }
}
