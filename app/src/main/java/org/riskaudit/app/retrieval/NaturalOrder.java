package org.riskaudit.app.retrieval;

import java.util.Comparator;

/** Compares text the way people number things: "B2" before "B10", then case-insensitively. */
public final class NaturalOrder implements Comparator<String> {
  public static final NaturalOrder INSTANCE = new NaturalOrder();

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int si = i;
        int sj = j;
        while (si < a.length() && a.charAt(si) == '0') si++;
        while (sj < b.length() && b.charAt(sj) == '0') sj++;
        int ei = si;
        int ej = sj;
        while (ei < a.length() && Character.isDigit(a.charAt(ei))) ei++;
        while (ej < b.length() && Character.isDigit(b.charAt(ej))) ej++;
        int len = (ei - si) - (ej - sj);
        if (len != 0) {
          return len;
        }
        int c = a.substring(si, ei).compareTo(b.substring(sj, ej));
        if (c != 0) {
          return c;
        }
        i = ei;
        j = ej;
      } else {
        int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
        if (c != 0) {
          return c;
        }
        i++;
        j++;
      }
    }
    int c = Integer.compare(a.length() - i, b.length() - j);
    return c != 0 ? c : a.compareTo(b);
  }
}
