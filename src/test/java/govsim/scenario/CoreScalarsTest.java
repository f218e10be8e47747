package govsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Plain scalars resolve by the YAML 1.2 core schema; YAML 1.1 spellings become hinted strings. */
class CoreScalarsTest {

  private static Object value(String text) {
    return CoreScalars.plain(text).value();
  }

  private static String numberHint(String text) {
    return CoreScalars.plain(text).numberHint();
  }

  @Test
  void coreSchemaValues() {
    assertEquals(42L, value("42"));
    assertEquals(-7L, value("-7"));
    assertEquals(7L, value("+7"));
    assertEquals(0L, value("0"));
    assertEquals(0.5, value("0.5"));
    assertEquals(0.5, value(".5"));
    assertEquals(1.0, value("1."));
    assertEquals(100000.0, value("1e5"));
    assertEquals(-2.5e-3, value("-2.5E-3"));
    assertEquals(Boolean.TRUE, value("true"));
    assertEquals(Boolean.FALSE, value("false"));
    assertNull(value("null"));
    assertNull(value("~"));
    assertNull(value(""));
    assertEquals("hello", value("hello"));
    assertEquals(1e20, value("100000000000000000000"));
  }

  @Test
  void yaml11SpellingsAreStringsWithHints() {
    assertEquals("010", value("010"));
    assertEquals("YAML 1.1 octal is ambiguous; write 8 or 10", numberHint("010"));
    assertEquals("YAML 1.1 octal is ambiguous; write -493 or -755", numberHint("-0755"));
    assertEquals("a leading zero is ambiguous (YAML 1.1 octal); write 0", numberHint("00"));
    assertEquals("not a finite number", numberHint(".inf"));
    assertEquals("not a finite number", numberHint("-.Inf"));
    assertEquals("not a finite number", numberHint(".NaN"));
    assertEquals(
        "hexadecimal numbers are not accepted; write -255 in decimal", numberHint("-0xFF"));
    assertEquals("octal numbers are not accepted; write 15 in decimal", numberHint("0o17"));
    assertEquals("binary numbers are not accepted; write 5 in decimal", numberHint("0b101"));
    assertEquals("underscores are not allowed in numbers; write 100000", numberHint("100_000"));
    assertEquals(
        "YAML 1.1 reads 1:30:00 as a base-60 number (= 5400); this is ambiguous,"
            + " write the plain number you mean",
        numberHint("1:30:00"));
    assertEquals("write true in lower case", CoreScalars.plain("TRUE").booleanHint());
    assertNull(numberHint("hello"));
  }
}
