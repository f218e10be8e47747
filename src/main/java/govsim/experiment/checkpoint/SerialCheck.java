package govsim.experiment.checkpoint;

import java.io.Serializable;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Names what keeps a state from being written to a checkpoint: the path of fields from the root to
 * the first object that is neither {@link Serializable} nor a record (which {@link
 * CheckpointStreams} writes as its values), e.g. {@code model.world.firms[3].belief
 * (govsim.mechanism.risk.HazardBelief)}. Java's own NotSerializableException names only the class;
 * this names the field to mark {@code transient} (and rebuild) or the class to make {@link
 * Serializable}. Used by the test that checkpoints every shipped scenario and in the internal error
 * of a failed checkpoint.
 */
public final class SerialCheck {
  private SerialCheck() {}

  /** The path to the first non-serializable object reachable from {@code root}, or null. */
  public static String firstProblem(String rootName, Object root) {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Object[]> todo = new ArrayDeque<>();
    todo.add(new Object[] {rootName, root});
    while (!todo.isEmpty()) {
      Object[] item = todo.poll();
      String path = (String) item[0];
      Object o = item[1];
      if (o == null || !seen.add(o)) continue;
      Class<?> c = o.getClass();
      if (c.isArray()) {
        if (c.getComponentType().isPrimitive()) continue;
        int n = Array.getLength(o);
        for (int i = 0; i < n; i++) todo.add(new Object[] {path + "[" + i + "]", Array.get(o, i)});
        continue;
      }
      if (!(o instanceof Serializable) && !(o instanceof Record)) {
        return path + " (" + c.getName() + ")";
      }
      if (o instanceof Collection<?> coll) {
        int i = 0;
        for (Object e : coll) todo.add(new Object[] {path + "[" + i++ + "]", e});
        continue;
      }
      if (o instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          todo.add(new Object[] {path + ".key(" + e.getKey() + ")", e.getKey()});
          todo.add(new Object[] {path + "[" + e.getKey() + "]", e.getValue()});
        }
        continue;
      }
      String name = c.getName();
      boolean own = name.startsWith("govsim.") || name.startsWith("sim.") || name.startsWith("ec.");
      if (!own || c.isSynthetic() || c.isHidden()) continue; // JDK classes, lambdas
      for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
        for (Field f : k.getDeclaredFields()) {
          int mod = f.getModifiers();
          if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.getType().isPrimitive())
            continue;
          try {
            f.setAccessible(true);
            todo.add(new Object[] {path + "." + f.getName(), f.get(o)});
          } catch (RuntimeException | IllegalAccessException e) {
            // A field reflection may not open is left to the serialization itself.
          }
        }
      }
    }
    return null;
  }
}
