package govsim.experiment.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamException;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * The object streams of a checkpoint. Writing, a record that is not {@link Serializable} (the
 * scenario's parameter records, which the model and its mechanisms hold) is replaced by a {@link
 * RecordProxy} of its component values, read back through its canonical constructor: records are
 * values, so this loses nothing, and keys added to a parameter record need no marker. Every other
 * class in the state must be {@link Serializable}. Reading accepts only the classes a govsim model
 * is made of (govsim's, the JDK's, MASON's, commons-math's): a checkpoint is a file a user hands
 * in, and Java deserialization of arbitrary classes is unsafe.
 */
final class CheckpointStreams {
  private CheckpointStreams() {}

  /** Package prefixes of the classes a checkpoint may hold. */
  static final List<String> ALLOWED =
      List.of("govsim.", "java.", "ec.util.", "sim.", "org.apache.commons.math3.");

  /** An output stream that writes non-serializable records as {@link RecordProxy}s. */
  static ObjectOutputStream output(OutputStream out) throws IOException {
    return new ObjectOutputStream(out) {
      {
        enableReplaceObject(true);
      }

      @Override
      protected Object replaceObject(Object obj) {
        if (obj instanceof Record r && !(obj instanceof Serializable)) return RecordProxy.of(r);
        return obj;
      }
    };
  }

  /** An input stream that accepts only the {@link #ALLOWED} classes. */
  static ObjectInputStream input(InputStream in) throws IOException {
    ObjectInputStream s = new ObjectInputStream(in);
    s.setObjectInputFilter(CheckpointStreams::filter);
    return s;
  }

  private static ObjectInputFilter.Status filter(ObjectInputFilter.FilterInfo info) {
    Class<?> c = info.serialClass();
    if (c == null) return ObjectInputFilter.Status.UNDECIDED;
    while (c.isArray()) c = c.getComponentType();
    if (c.isPrimitive()) return ObjectInputFilter.Status.ALLOWED;
    String name = c.getName();
    for (String p : ALLOWED) if (name.startsWith(p)) return ObjectInputFilter.Status.ALLOWED;
    return ObjectInputFilter.Status.REJECTED;
  }

  /** A record's class and component values; read back as the record itself. */
  static final class RecordProxy implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Class<?> type;
    private final Object[] values;

    private RecordProxy(Class<?> type, Object[] values) {
      this.type = type;
      this.values = values;
    }

    static RecordProxy of(Record r) {
      RecordComponent[] cs = r.getClass().getRecordComponents();
      Object[] v = new Object[cs.length];
      try {
        for (int i = 0; i < cs.length; i++) {
          var accessor = cs[i].getAccessor();
          accessor.setAccessible(true);
          v[i] = accessor.invoke(r);
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalStateException(
            "cannot read the components of " + r.getClass().getName() + ": " + e, e);
      }
      return new RecordProxy(r.getClass(), v);
    }

    private Object readResolve() throws ObjectStreamException {
      if (type == null || !type.isRecord())
        throw new InvalidObjectException("not a record: " + type);
      RecordComponent[] cs = type.getRecordComponents();
      if (values == null || values.length != cs.length)
        throw new InvalidObjectException("record " + type.getName() + " changed its components");
      Class<?>[] types = new Class<?>[cs.length];
      for (int i = 0; i < cs.length; i++) types[i] = cs[i].getType();
      try {
        Constructor<?> k = type.getDeclaredConstructor(types);
        k.setAccessible(true);
        return k.newInstance(values);
      } catch (ReflectiveOperationException | RuntimeException e) {
        InvalidObjectException x =
            new InvalidObjectException("cannot rebuild record " + type.getName() + ": " + e);
        x.initCause(e);
        throw x;
      }
    }
  }
}
