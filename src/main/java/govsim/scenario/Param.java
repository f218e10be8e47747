package govsim.scenario;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one scenario key on a record component: its default, unit, allowed range and meaning.
 *
 * <p>Every parameter of govsim is documented exactly once, here, where it is declared. The YAML key
 * is the component name in snake_case ({@code switchingCostMean} → {@code switching_cost_mean}).
 * The schema ({@link Schema}), the loader's validation, {@code govsim describe} and the ODD
 * parameter tables are all generated from these annotations.
 *
 * <p>Supported component types: {@code double}, {@code int}, {@code long}, {@code boolean}, {@code
 * String}, enums (YAML spelling: the constant's name in lower case), nested records (a section;
 * annotate with {@code @Param(doc=...)} only) and {@code List} of records or of {@code
 * String}/{@code Double}/{@code Integer}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {
  /** Default as YAML text ("0.05", "true", "hybrid", "[]"). Ignored for sections. */
  String def() default "";

  /** Unit, e.g. "days", "1/year", "share", "currency/user/year"; empty for dimensionless. */
  String unit() default "";

  /** Smallest allowed value (inclusive) for numbers. */
  double min() default Double.NEGATIVE_INFINITY;

  /** Largest allowed value (inclusive) for numbers. */
  double max() default Double.POSITIVE_INFINITY;

  /**
   * Smallest plausible value (inclusive): the low end of what the key's source (or, for an
   * assumption, a careful modeller) considers credible for the world the model describes. It lies
   * inside the allowed range [{@link #min}, {@link #max}]. {@code govsim validation --robustness}
   * samples the keys whose source is an assumption within [plausibleMin, plausibleMax]. NaN (the
   * default) means not declared; every numeric scenario key declares one (a test checks it).
   */
  double plausibleMin() default Double.NaN;

  /** Largest plausible value (inclusive); see {@link #plausibleMin}. */
  double plausibleMax() default Double.NaN;

  /** One line: what the key means (and, where useful, how it is used). */
  String doc();

  /**
   * Where the default comes from: a citation (paper section, public fact) or the word "assumption"
   * followed by the reason.
   */
  String source() default "assumption";

  /**
   * For strings that name a file or folder (a scenario's or sweep's {@code name}): the value must
   * be a safe file name, see {@link Naming#isSafeFileName}. An empty value is allowed only where
   * the default is empty (it then means "derive the name").
   */
  boolean fileName() default false;
}
