package govsim.gui;

import govsim.scenario.ParamInfo;
import govsim.scenario.ScenarioException;
import govsim.scenario.ValueText;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Font;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.DefaultCellEditor;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.AbstractTableModel;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableCellEditor;

/**
 * The Console's Parameters tab: every key of the scenario schema, grouped by section (one header
 * row per mechanism), searchable, and editable like the Model tab: a typed value is read as a
 * {@code --set} value is (YAML: {@code 0.05}, {@code true}, {@code [1, 2]}), validated with the
 * whole scenario, and refused visibly (the refusal goes to {@code refusals}, the cell shows the old
 * value) when out of range. Enumerations and booleans get a drop-down of their allowed values.
 * Edited keys are shown in bold; the Scenario menu's Save writes them as a small override file.
 *
 * <p>Keys of list elements ({@code events[].at_day}) are edited through their list ({@code
 * events}), written in YAML flow style.
 */
public final class ParameterPanel extends JPanel {
  private static final long serialVersionUID = 1L;

  static final String[] COLUMNS = {"Key", "Value", "Unit", "Allowed", "Plausible", "Source"};

  /** One row: a section header (info is the section's entry) or a key. */
  record Row(ParamInfo info, boolean header) {}

  private final transient ScenarioSession session;
  private final transient Consumer<String> refusals;
  private final transient Runnable changed;
  private final List<Row> all = new ArrayList<>();
  private final Model model = new Model();
  private final JTable table;
  private final JTextField search = new JTextField(24);
  private final JLabel count = new JLabel();

  /**
   * @param session the scenario of the next start (shared with the Model tab)
   * @param refusals receives the message of each refused change
   * @param changed called after each accepted change
   */
  public ParameterPanel(
      ScenarioSession session, Consumer<String> refusals, Runnable changed) {
    super(new BorderLayout(4, 4));
    this.session = session;
    this.refusals = refusals;
    this.changed = changed;
    for (ParamInfo p : session.params()) {
      if (p.path().contains("[]")) continue; // edited through its list
      boolean top = !p.path().contains(".");
      if (p.isSection()) {
        if (top) all.add(new Row(p, true));
        continue;
      }
      all.add(new Row(p, false));
    }
    table = new Table(model);
    table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
    table.setRowHeight(table.getRowHeight() + 2);
    table.getTableHeader().setReorderingAllowed(false);
    // Key and value fit the Console's width; unit, ranges and source scroll into view (and are in
    // each row's tooltip).
    table.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
    int[] widths = {210, 140, 70, 120, 110, 320};
    for (int c = 0; c < widths.length; c++)
      table.getColumnModel().getColumn(c).setPreferredWidth(widths[c]);
    table.setDefaultRenderer(Object.class, new Renderer());
    search.setToolTipText("Words that must all appear in a key or its description, e.g. 'switching cost'");
    search
        .getDocument()
        .addDocumentListener(
            new DocumentListener() {
              @Override
              public void insertUpdate(DocumentEvent e) {
                filter(search.getText());
              }

              @Override
              public void removeUpdate(DocumentEvent e) {
                filter(search.getText());
              }

              @Override
              public void changedUpdate(DocumentEvent e) {
                filter(search.getText());
              }
            });
    JPanel top = new JPanel(new BorderLayout(6, 0));
    top.add(new JLabel("Search keys:"), BorderLayout.WEST);
    top.add(search, BorderLayout.CENTER);
    top.add(count, BorderLayout.EAST);
    top.setBorder(BorderFactory.createEmptyBorder(4, 4, 0, 4));
    add(top, BorderLayout.NORTH);
    add(new JScrollPane(table), BorderLayout.CENTER);
    filter("");
  }

  /** Shows the keys whose path or description contains every word of {@code text}. */
  void filter(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).trim().split("\\s+");
    List<Row> shown = new ArrayList<>();
    Row header = null;
    Row added = null;
    int keys = 0;
    for (Row r : all) {
      if (r.header()) {
        header = r;
        continue;
      }
      String hay =
          (r.info().path() + " " + r.info().doc() + " " + r.info().unit())
              .toLowerCase(Locale.ROOT);
      boolean match = true;
      for (String w : words) match &= w.isEmpty() || hay.contains(w);
      if (!match) continue;
      if (header != null && header != added && r.info().path().startsWith(header.info().path() + ".")) {
        shown.add(header);
        added = header;
      }
      shown.add(r);
      keys++;
    }
    model.rows = shown;
    model.fireTableDataChanged();
    count.setText(keys + " of " + keyCount() + " keys");
  }

  /** The number of editable keys (rows that are not headers). */
  int keyCount() {
    int n = 0;
    for (Row r : all) if (!r.header()) n++;
    return n;
  }

  /** The rows on screen (for tests). */
  List<Row> shownRows() {
    return List.copyOf(model.rows);
  }

  JTable table() {
    return table;
  }

  /** Re-reads every value (after a Model-tab edit, a load or a regime change). */
  public void refresh() {
    model.fireTableDataChanged();
  }

  /**
   * Applies a value typed for {@code path}: read as YAML, validated with the whole scenario.
   *
   * @return true when accepted
   */
  boolean edit(String path, String text) {
    Object value;
    try {
      value = ValueText.parse(path, text);
    } catch (ScenarioException e) {
      refusals.accept(e.format());
      return false;
    }
    Optional<String> refused = session.set(path, value);
    if (refused.isPresent()) {
      refusals.accept(refused.get());
      return false;
    }
    changed.run();
    return true;
  }

  /** The text shown for a key's current value. */
  String shown(String path) {
    return ValueText.show(session.value(path));
  }

  /** A key as shown under its section's header: {@code users.count} as {@code count}. */
  static String relative(String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  /** What a key accepts: its enum spellings, true | false, its numeric range, or its type. */
  private static String allowed(ParamInfo p) {
    if (p.type().equals("boolean")) return "true, false";
    if (!p.allowedValues().isEmpty() || p.isNumeric()) return p.rangeText();
    return p.type();
  }

  private static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private final class Model extends AbstractTableModel {
    private static final long serialVersionUID = 1L;
    List<Row> rows = List.of();

    @Override
    public int getRowCount() {
      return rows.size();
    }

    @Override
    public int getColumnCount() {
      return COLUMNS.length;
    }

    @Override
    public String getColumnName(int c) {
      return COLUMNS[c];
    }

    @Override
    public boolean isCellEditable(int r, int c) {
      return c == 1 && !rows.get(r).header();
    }

    @Override
    public Object getValueAt(int r, int c) {
      Row row = rows.get(r);
      ParamInfo p = row.info();
      if (row.header()) return c == 0 ? p.path() + ": " + p.doc() : "";
      return switch (c) {
        case 0 -> "  " + relative(p.path());
        case 1 -> shown(p.path());
        case 2 -> p.unit();
        case 3 -> allowed(p);
        case 4 -> p.plausibleText();
        default -> p.source();
      };
    }

    @Override
    public void setValueAt(Object value, int r, int c) {
      if (c != 1 || r >= rows.size()) return;
      String path = rows.get(r).info().path();
      String text = value == null ? "" : value.toString();
      if (text.equals(shown(path))) return;
      edit(path, text);
      fireTableRowsUpdated(r, r);
    }
  }

  private final class Table extends JTable {
    private static final long serialVersionUID = 1L;

    Table(Model m) {
      super(m);
    }

    @Override
    public TableCellEditor getCellEditor(int r, int c) {
      Row row = model.rows.get(convertRowIndexToModel(r));
      ParamInfo p = row.info();
      List<String> choices =
          !p.allowedValues().isEmpty()
              ? p.allowedValues()
              : p.type().equals("boolean") ? List.of("true", "false") : List.of();
      if (c == 1 && !choices.isEmpty()) {
        return new DefaultCellEditor(new JComboBox<>(choices.toArray(new String[0])));
      }
      return super.getCellEditor(r, c);
    }

    @Override
    public String getToolTipText(MouseEvent e) {
      int r = rowAtPoint(e.getPoint());
      if (r < 0) return null;
      Row row = model.rows.get(convertRowIndexToModel(r));
      ParamInfo p = row.info();
      StringBuilder sb = new StringBuilder("<html><b>").append(html(p.path())).append("</b>");
      if (!p.unit().isEmpty()) sb.append(" (").append(html(p.unit())).append(')');
      sb.append("<br>").append(html(p.doc()));
      if (!row.header()) {
        sb.append("<br>Default: ").append(html(p.defaultText()));
        sb.append("; allowed: ").append(html(allowed(p)));
        if (p.hasPlausibleRange()) sb.append("; plausible: ").append(html(p.plausibleText()));
        sb.append("<br>Source: ").append(html(p.source()));
        if (session.edits().containsKey(p.path())) sb.append("<br><i>changed in this session</i>");
      }
      return sb.append("</html>").toString();
    }
  }

  private final class Renderer extends DefaultTableCellRenderer {
    private static final long serialVersionUID = 1L;

    @Override
    public Component getTableCellRendererComponent(
        JTable t, Object value, boolean selected, boolean focus, int r, int c) {
      Component comp = super.getTableCellRendererComponent(t, value, selected, focus, r, c);
      Row row = model.rows.get(t.convertRowIndexToModel(r));
      boolean edited = !row.header() && session.edits().containsKey(row.info().path());
      comp.setFont(comp.getFont().deriveFont(row.header() || edited ? Font.BOLD : Font.PLAIN));
      if (!selected) {
        comp.setBackground(row.header() ? new java.awt.Color(0xE8ECF2) : t.getBackground());
      }
      return comp;
    }
  }
}
