package govsim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** LICENSE, CITATION.cff and CONTRIBUTING.md stay in step with the project. */
class ProjectMetadataTest {
  private static String pomVersion() throws IOException {
    Matcher m =
        Pattern.compile("<artifactId>govsim</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(Files.readString(Path.of("pom.xml")));
    assertTrue(m.find(), "pom.xml has no govsim version");
    return m.group(1);
  }

  @Test
  void citationNamesThePomVersionAndTheLicence() throws IOException {
    String cff = Files.readString(Path.of("CITATION.cff"));
    Matcher v = Pattern.compile("(?m)^version: (\\S+)$").matcher(cff);
    assertTrue(v.find(), "CITATION.cff has no version");
    assertEquals(pomVersion(), v.group(1), "CITATION.cff version must be the pom's");
    assertTrue(cff.contains("\nlicense: Apache-2.0\n"), "CITATION.cff licence");
    assertTrue(cff.startsWith("cff-version: 1.2.0\n"));
  }

  @Test
  void licenseIsTheApacheLicenceText() throws IOException {
    String license = Files.readString(Path.of("LICENSE"));
    assertTrue(
        license.contains("Apache License\n                           Version 2.0, January 2004"));
    assertTrue(license.contains("END OF TERMS AND CONDITIONS"), "the full text, not a notice");
  }

  /** Every file the mechanism recipe names (but the new mechanism's own) exists. */
  @Test
  void theFilesContributingNamesExist() throws IOException {
    String text = Files.readString(Path.of("CONTRIBUTING.md"));
    Matcher m =
        Pattern.compile("`((?:src|scenarios|docs|\\.ci)/[^`{}]+?\\.(?:java|yaml|md|sh))`")
            .matcher(text);
    List<String> missing = new ArrayList<>();
    int checked = 0;
    while (m.find()) {
      String path = m.group(1);
      if (path.toLowerCase().contains("example")) continue; // the recipe's placeholder mechanism
      checked++;
      if (!Files.exists(Path.of(path))) missing.add(path);
    }
    assertTrue(checked >= 8, "too few paths found in CONTRIBUTING.md: " + checked);
    assertEquals(List.of(), missing, "CONTRIBUTING.md names files that do not exist");
  }
}
