package org.riskaudit.app.web.county;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.riskaudit.app.audit.HashedFile;

class UploadsTest {
  private static final String A = "0123456789abcdef".repeat(4);
  private static final String B = "fedcba9876543210".repeat(4);

  @Test
  void plainFileNamesAreAcceptedAndNamesWithFoldersOrDotsAreRefused() {
    assertThat(Uploads.checkName("CVR Export 2024-11-05.zip"))
        .isEqualTo("CVR Export 2024-11-05.zip");
    for (String bad :
        List.of(
            "",
            " ",
            "../x.csv",
            "a/b.csv",
            "a\\b.csv",
            "C:evil",
            "..",
            ".env",
            "a..b",
            "x\u0000.csv",
            "x\n.csv",
            " x.csv")) {
      assertThatThrownBy(() -> Uploads.checkName(bad))
          .as("'%s'", bad)
          .isInstanceOf(Uploads.Refused.class)
          .hasMessageContaining("is not accepted");
    }
  }

  @Test
  void folderNamesNeverClimbOrHide() {
    assertThat(Uploads.folder("County 1")).isEqualTo("County_1");
    assertThat(Uploads.folder("..")).isEqualTo("_..");
    assertThat(Uploads.folder("../..")).isEqualTo("_.._..");
    assertThat(Uploads.folder("")).isEqualTo("_");
  }

  @Test
  void typedHashesAreReadInAnyCaseAloneOrAsSha256sumPrintsThem() {
    assertThat(Uploads.typedHashes("")).isEmpty();
    assertThat(Uploads.typedHashes("  " + A.toUpperCase() + " ")).containsExactly(A);
    assertThat(Uploads.typedHashes(A + "  cvr.csv\n" + B + "  ballots.csv")).containsExactly(A, B);
    assertThatThrownBy(() -> Uploads.typedHashes(A.substring(1)))
        .hasMessageContaining("has 63 digits");
    assertThatThrownBy(() -> Uploads.typedHashes("the hash"))
        .hasMessageContaining("No SHA-256 found");
  }

  @Test
  void everyFileMustMatchATypedHashAndEveryTypedHashAFile() {
    List<HashedFile> files = List.of(new HashedFile("a.csv", A, 1), new HashedFile("b.csv", B, 1));
    Uploads.checkTyped(files, List.of());
    Uploads.checkTyped(files, List.of(B, A));
    assertThatThrownBy(() -> Uploads.checkTyped(files, List.of(A)))
        .hasMessageContaining("The SHA-256 of 'b.csv' is " + B);
    assertThatThrownBy(() -> Uploads.checkTyped(files.subList(0, 1), List.of(A, B)))
        .hasMessageContaining("You typed the SHA-256 " + B + ", but no uploaded file has it");
  }
}
