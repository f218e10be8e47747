package govsim.game;

import java.util.function.DoubleUnaryOperator;

/**
 * Where a quantity of a game crosses a level as one parameter varies (the p_r at which the safe
 * share passes one half, for instance): bisection on a bracket whose ends lie on either side.
 */
public final class Crossing {
  private Crossing() {}

  /** Thrown when the quantity does not change side over the bracket. */
  public static final class NotBracketed extends Exception {
    private static final long serialVersionUID = 1L;

    NotBracketed(String message) {
      super(message);
    }
  }

  /**
   * The x in [lo, hi] where f(x) = level, to within {@code tol} in x.
   *
   * @param f a quantity that is on one side of {@code level} at lo and on the other at hi and
   *     crosses it once in between (bisection finds one crossing if there are several)
   * @throws NotBracketed if f(lo) and f(hi) are on the same side of the level
   */
  public static double bisect(DoubleUnaryOperator f, double level, double lo, double hi, double tol)
      throws NotBracketed {
    double flo = f.applyAsDouble(lo) - level;
    double fhi = f.applyAsDouble(hi) - level;
    if (flo == 0) return lo;
    if (fhi == 0) return hi;
    if ((flo > 0) == (fhi > 0)) {
      throw new NotBracketed(
          "the quantity is on the same side of "
              + level
              + " at both ends of ["
              + lo
              + ", "
              + hi
              + "]");
    }
    while (hi - lo > tol) {
      double mid = 0.5 * (lo + hi);
      double fm = f.applyAsDouble(mid) - level;
      if (fm == 0) return mid;
      if ((fm > 0) == (flo > 0)) {
        lo = mid;
        flo = fm;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }
}
