package org.riskaudit.app.web.county;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A QR code (ISO/IEC 18004) of a short text, for the board credentials sheet: byte mode, error
 * correction level M, the smallest of versions 1 to 10 that holds the text (at most 213 bytes), and
 * the mask with the lowest penalty score. Written here because no QR library is on the classpath;
 * checked against a reference encoder's modules in the tests.
 */
final class QrCode {
  /** Error correction codewords per block, level M, versions 1..10 (index 0 unused). */
  private static final int[] ECC_PER_BLOCK = {-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26};

  /** Error correction blocks, level M, versions 1..10. */
  private static final int[] BLOCKS = {-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5};

  private static final int FORMAT_BITS_M = 0;

  final int version;
  final int size;
  final int mask;
  private final boolean[][] modules; // [y][x], true = dark
  private final boolean[][] function;

  private QrCode(int version) {
    this.version = version;
    this.size = version * 4 + 17;
    this.modules = new boolean[size][size];
    this.function = new boolean[size][size];
    this.mask = -1;
  }

  private QrCode(QrCode q, int mask) {
    this.version = q.version;
    this.size = q.size;
    this.modules = q.modules;
    this.function = q.function;
    this.mask = mask;
  }

  /** Whether the module at column x, row y is dark. */
  boolean dark(int x, int y) {
    return modules[y][x];
  }

  /** Encodes {@code text} (UTF-8) with the best mask. */
  static QrCode encode(String text) {
    return encode(text, -1);
  }

  /** Encodes {@code text} with mask {@code forcedMask} (0..7), or the best mask for -1. */
  static QrCode encode(String text, int forcedMask) {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    int version = 1;
    for (; version <= 10; version++) {
      int countBits = version < 10 ? 8 : 16;
      if (4 + countBits + data.length * 8 <= dataCodewords(version) * 8) {
        break;
      }
    }
    if (version > 10) {
      throw new IllegalArgumentException("text too long for a QR code of version 10 at level M");
    }
    int capacityBits = dataCodewords(version) * 8;
    List<Boolean> bits = new ArrayList<>();
    append(bits, 0b0100, 4);
    append(bits, data.length, version < 10 ? 8 : 16);
    for (byte b : data) {
      append(bits, b & 0xFF, 8);
    }
    append(bits, 0, Math.min(4, capacityBits - bits.size()));
    append(bits, 0, (8 - bits.size() % 8) % 8);
    for (int pad = 0xEC; bits.size() < capacityBits; pad ^= 0xEC ^ 0x11) {
      append(bits, pad, 8);
    }
    byte[] codewords = new byte[bits.size() / 8];
    for (int i = 0; i < bits.size(); i++) {
      if (bits.get(i)) {
        codewords[i >>> 3] |= (byte) (1 << (7 - (i & 7)));
      }
    }
    QrCode q = new QrCode(version);
    q.drawFunctionPatterns();
    q.drawCodewords(q.addEccAndInterleave(codewords));
    int best = forcedMask;
    if (best < 0) {
      long min = Long.MAX_VALUE;
      for (int m = 0; m < 8; m++) {
        q.applyMask(m);
        q.drawFormatBits(m);
        long p = q.penalty();
        if (p < min) {
          min = p;
          best = m;
        }
        q.applyMask(m); // undo (XOR)
      }
    }
    q.applyMask(best);
    q.drawFormatBits(best);
    return new QrCode(q, best);
  }

  private static void append(List<Boolean> bits, int value, int n) {
    for (int i = n - 1; i >= 0; i--) {
      bits.add(((value >>> i) & 1) != 0);
    }
  }

  private static int rawDataModules(int ver) {
    int result = (16 * ver + 128) * ver + 64;
    if (ver >= 2) {
      int align = ver / 7 + 2;
      result -= (25 * align - 10) * align - 55;
      if (ver >= 7) {
        result -= 36;
      }
    }
    return result;
  }

  static int dataCodewords(int ver) {
    return rawDataModules(ver) / 8 - ECC_PER_BLOCK[ver] * BLOCKS[ver];
  }

  // ---------------------------------------------------------------------------------------------
  // Function patterns

  private void drawFunctionPatterns() {
    for (int i = 0; i < size; i++) {
      set(6, i, i % 2 == 0);
      set(i, 6, i % 2 == 0);
    }
    finder(3, 3);
    finder(size - 4, 3);
    finder(3, size - 4);
    int[] align = alignmentPositions();
    int n = align.length;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (!((i == 0 && j == 0) || (i == 0 && j == n - 1) || (i == n - 1 && j == 0))) {
          alignment(align[i], align[j]);
        }
      }
    }
    drawFormatBits(0); // reserves the format areas; redrawn with the mask
    drawVersion();
  }

  private int[] alignmentPositions() {
    if (version == 1) {
      return new int[0];
    }
    int n = version / 7 + 2;
    int step = (version * 4 + n * 2 + 1) / (n * 2 - 2) * 2;
    int[] out = new int[n];
    out[0] = 6;
    for (int i = n - 1, pos = size - 7; i >= 1; i--, pos -= step) {
      out[i] = pos;
    }
    return out;
  }

  private void finder(int x, int y) {
    for (int dy = -4; dy <= 4; dy++) {
      for (int dx = -4; dx <= 4; dx++) {
        int dist = Math.max(Math.abs(dx), Math.abs(dy));
        int xx = x + dx;
        int yy = y + dy;
        if (0 <= xx && xx < size && 0 <= yy && yy < size) {
          set(xx, yy, dist != 2 && dist != 4);
        }
      }
    }
  }

  private void alignment(int x, int y) {
    for (int dy = -2; dy <= 2; dy++) {
      for (int dx = -2; dx <= 2; dx++) {
        set(x + dx, y + dy, Math.max(Math.abs(dx), Math.abs(dy)) != 1);
      }
    }
  }

  private void drawFormatBits(int mask) {
    int data = FORMAT_BITS_M << 3 | mask;
    int rem = data;
    for (int i = 0; i < 10; i++) {
      rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
    }
    int bits = (data << 10 | rem) ^ 0x5412;
    for (int i = 0; i <= 5; i++) {
      set(8, i, bit(bits, i));
    }
    set(8, 7, bit(bits, 6));
    set(8, 8, bit(bits, 7));
    set(7, 8, bit(bits, 8));
    for (int i = 9; i < 15; i++) {
      set(14 - i, 8, bit(bits, i));
    }
    for (int i = 0; i < 8; i++) {
      set(size - 1 - i, 8, bit(bits, i));
    }
    for (int i = 8; i < 15; i++) {
      set(8, size - 15 + i, bit(bits, i));
    }
    set(8, size - 8, true);
  }

  private void drawVersion() {
    if (version < 7) {
      return;
    }
    int rem = version;
    for (int i = 0; i < 12; i++) {
      rem = (rem << 1) ^ ((rem >>> 11) * 0x1F25);
    }
    int bits = version << 12 | rem;
    for (int i = 0; i < 18; i++) {
      boolean b = bit(bits, i);
      int a = size - 11 + i % 3;
      int c = i / 3;
      set(a, c, b);
      set(c, a, b);
    }
  }

  private void set(int x, int y, boolean dark) {
    modules[y][x] = dark;
    function[y][x] = true;
  }

  private static boolean bit(int x, int i) {
    return ((x >>> i) & 1) != 0;
  }

  // ---------------------------------------------------------------------------------------------
  // Codewords

  private byte[] addEccAndInterleave(byte[] data) {
    int numBlocks = BLOCKS[version];
    int eccLen = ECC_PER_BLOCK[version];
    int raw = rawDataModules(version) / 8;
    int numShort = numBlocks - raw % numBlocks;
    int shortLen = raw / numBlocks;
    byte[] divisor = rsDivisor(eccLen);
    List<byte[]> blocks = new ArrayList<>();
    for (int i = 0, k = 0; i < numBlocks; i++) {
      int len = shortLen - eccLen + (i < numShort ? 0 : 1);
      byte[] dat = java.util.Arrays.copyOfRange(data, k, k + len);
      k += len;
      byte[] ecc = rsRemainder(dat, divisor);
      byte[] block = new byte[shortLen + 1];
      System.arraycopy(dat, 0, block, 0, dat.length);
      System.arraycopy(ecc, 0, block, block.length - eccLen, eccLen);
      blocks.add(block);
    }
    byte[] out = new byte[raw];
    int n = 0;
    for (int i = 0; i < shortLen + 1; i++) {
      for (int j = 0; j < numBlocks; j++) {
        if (i != shortLen - eccLen || j >= numShort) {
          out[n++] = blocks.get(j)[i];
        }
      }
    }
    return out;
  }

  private static byte[] rsDivisor(int degree) {
    byte[] result = new byte[degree];
    result[degree - 1] = 1;
    int root = 1;
    for (int i = 0; i < degree; i++) {
      for (int j = 0; j < result.length; j++) {
        result[j] = (byte) gfMultiply(result[j] & 0xFF, root);
        if (j + 1 < result.length) {
          result[j] ^= result[j + 1];
        }
      }
      root = gfMultiply(root, 0x02);
    }
    return result;
  }

  private static byte[] rsRemainder(byte[] data, byte[] divisor) {
    byte[] result = new byte[divisor.length];
    for (byte b : data) {
      int factor = (b ^ result[0]) & 0xFF;
      System.arraycopy(result, 1, result, 0, result.length - 1);
      result[result.length - 1] = 0;
      for (int i = 0; i < result.length; i++) {
        result[i] ^= (byte) gfMultiply(divisor[i] & 0xFF, factor);
      }
    }
    return result;
  }

  private static int gfMultiply(int x, int y) {
    int z = 0;
    for (int i = 7; i >= 0; i--) {
      z = (z << 1) ^ ((z >>> 7) * 0x11D);
      z ^= ((y >>> i) & 1) * x;
    }
    return z;
  }

  private void drawCodewords(byte[] data) {
    int i = 0;
    for (int right = size - 1; right >= 1; right -= 2) {
      if (right == 6) {
        right = 5;
      }
      for (int vert = 0; vert < size; vert++) {
        for (int j = 0; j < 2; j++) {
          int x = right - j;
          boolean upward = ((right + 1) & 2) == 0;
          int y = upward ? size - 1 - vert : vert;
          if (!function[y][x] && i < data.length * 8) {
            modules[y][x] = bit(data[i >>> 3], 7 - (i & 7));
            i++;
          }
        }
      }
    }
  }

  private void applyMask(int mask) {
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        boolean invert =
            switch (mask) {
              case 0 -> (x + y) % 2 == 0;
              case 1 -> y % 2 == 0;
              case 2 -> x % 3 == 0;
              case 3 -> (x + y) % 3 == 0;
              case 4 -> (x / 3 + y / 2) % 2 == 0;
              case 5 -> x * y % 2 + x * y % 3 == 0;
              case 6 -> (x * y % 2 + x * y % 3) % 2 == 0;
              default -> ((x + y) % 2 + x * y % 3) % 2 == 0;
            };
        if (!function[y][x] && invert) {
          modules[y][x] = !modules[y][x];
        }
      }
    }
  }

  /** The penalty score of ISO/IEC 18004 section 7.8.3 (rules N1 to N4). */
  private long penalty() {
    long p = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int a = 0; a < size; a++) {
        int run = 1;
        for (int b = 1; b <= size; b++) {
          if (b < size && at(pass, a, b) == at(pass, a, b - 1)) {
            run++;
          } else {
            if (run >= 5) {
              p += 3 + (run - 5);
            }
            run = 1;
          }
        }
        for (int b = 0; b + 7 <= size; b++) {
          if (at(pass, a, b)
              && !at(pass, a, b + 1)
              && at(pass, a, b + 2)
              && at(pass, a, b + 3)
              && at(pass, a, b + 4)
              && !at(pass, a, b + 5)
              && at(pass, a, b + 6)
              && (light(pass, a, b - 4, b) || light(pass, a, b + 7, b + 11))) {
            p += 40;
          }
        }
      }
    }
    int dark = 0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        dark += modules[y][x] ? 1 : 0;
        if (x + 1 < size
            && y + 1 < size
            && modules[y][x] == modules[y][x + 1]
            && modules[y][x] == modules[y + 1][x]
            && modules[y][x] == modules[y + 1][x + 1]) {
          p += 3;
        }
      }
    }
    int percent = dark * 100 / (size * size);
    p += 10L * (Math.abs(percent - 50) / 5);
    return p;
  }

  /** Module b of row a (pass 0) or column a (pass 1). */
  private boolean at(int pass, int a, int b) {
    return pass == 0 ? modules[a][b] : modules[b][a];
  }

  /** Whether modules [from, to) of the line are light (outside the symbol counts as light). */
  private boolean light(int pass, int a, int from, int to) {
    for (int b = from; b < to; b++) {
      if (b >= 0 && b < size && at(pass, a, b)) {
        return false;
      }
    }
    return true;
  }

  /** The symbol as text, one row a line, '#' dark and '.' light (for tests). */
  String rows() {
    StringBuilder b = new StringBuilder();
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        b.append(modules[y][x] ? '#' : '.');
      }
      b.append('\n');
    }
    return b.toString();
  }
}
