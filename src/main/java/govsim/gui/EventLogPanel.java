package govsim.gui;

import govsim.world.EventKind;
import govsim.world.WorldEvent;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Font;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.AbstractTableModel;
import javax.swing.table.DefaultTableCellRenderer;

/**
 * The run's events as they happen (day, type, who, detail), newest first. It holds at most {@link
 * #CAPACITY} events, so a long run cannot exhaust memory or slow the table; the run's full log is
 * what {@code govsim run} writes to events.csv. A filter hides the frequent routine events (joins,
 * drafting, small incidents) to let the governance moments stand out.
 *
 * <p>Swing thread only.
 */
public final class EventLogPanel extends JPanel {
  private static final long serialVersionUID = 1L;

  /** Events kept. */
  public static final int CAPACITY = 1000;

  private static final Set<EventKind> ROUTINE =
      EnumSet.of(
          EventKind.JOIN,
          EventKind.LEAVE,
          EventKind.STANDARD_DRAFTING,
          EventKind.PRACTICE_INCIDENT,
          EventKind.MITIGATION_AFTER_OUTCRY,
          EventKind.RISK_RETIRED,
          EventKind.AUDIT_VIOLATION);
  private static final String[] FILTERS = {"All events", "Governance events", "Flashing events"};
  private static final String FILTER_TIP =
      "<html>All events: everything the run logs.<br>"
          + "Governance events: without joins, leaves, drafting, small incidents and audits.<br>"
          + "Flashing events: outcries, sanctions, expulsions, new rules, standards and mandates.</html>";

  private final Deque<WorldEvent> all = new ArrayDeque<>();
  private final List<WorldEvent> shown = new ArrayList<>();
  private final Model model = new Model();
  private final JComboBox<String> filter = new JComboBox<>(FILTERS);
  private final JLabel count = new JLabel();
  private long total;
  private java.util.function.Consumer<WorldEvent> onSelect = e -> {};

  public EventLogPanel() {
    super(new BorderLayout());
    JTable table = new JTable(model);
    table.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    table.setAutoResizeMode(JTable.AUTO_RESIZE_LAST_COLUMN);
    table.setRowHeight(17);
    table.setFillsViewportHeight(true);
    table.setDefaultRenderer(Object.class, new TypeRenderer());
    // The day column holds "4, 22:00" when steps are shorter than a day.
    int[] widths = {58, 112, 110, 180};
    int[] least = {52, 104, 90, 80};
    for (int i = 0; i < widths.length; i++) {
      table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
      table.getColumnModel().getColumn(i).setMinWidth(least[i]);
    }
    JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
    top.add(new JLabel("Show:"));
    top.add(filter);
    top.add(count);
    filter.setToolTipText(FILTER_TIP);
    filter.setSelectedIndex(1);
    filter.addActionListener(e -> refilter());
    table.setSelectionMode(javax.swing.ListSelectionModel.SINGLE_SELECTION);
    table
        .getSelectionModel()
        .addListSelectionListener(
            e -> {
              int r = table.getSelectedRow();
              if (!e.getValueIsAdjusting() && r >= 0 && r < shown.size())
                onSelect.accept(shown.get(r));
            });
    add(top, BorderLayout.NORTH);
    add(new JScrollPane(table), BorderLayout.CENTER);
    updateCount();
  }

  /** What happens when the user selects an event (the GUI selects its node on the display). */
  public void onSelect(java.util.function.Consumer<WorldEvent> action) {
    onSelect = action;
  }

  /** Adds events in the order they happened. */
  public void append(List<WorldEvent> events) {
    if (events.isEmpty()) return;
    for (WorldEvent e : events) {
      total++;
      all.addFirst(e);
      if (all.size() > CAPACITY) all.removeLast();
    }
    refilter();
  }

  /** Forgets all events (a new run starts). */
  public void clear() {
    all.clear();
    total = 0;
    refilter();
  }

  /** Events currently listed (for tests). */
  int rows() {
    return shown.size();
  }

  private void refilter() {
    shown.clear();
    int f = filter.getSelectedIndex();
    for (WorldEvent e : all) {
      if (f == 1 && ROUTINE.contains(e.type())) continue;
      if (f == 2 && FlashKind.of(e.type()) == null) continue;
      shown.add(e);
    }
    model.fireTableDataChanged();
    updateCount();
  }

  private void updateCount() {
    count.setText(total + " events" + (total > CAPACITY ? ", newest " + CAPACITY + " kept" : ""));
    count.setToolTipText(
        "The panel keeps the newest "
            + CAPACITY
            + " events; govsim run writes them all to events.csv.");
  }

  private final class Model extends AbstractTableModel {
    private static final long serialVersionUID = 1L;
    private final String[] names = {"Day", "Event", "Who", "Detail"};

    @Override
    public int getRowCount() {
      return shown.size();
    }

    @Override
    public int getColumnCount() {
      return names.length;
    }

    @Override
    public String getColumnName(int c) {
      return names[c];
    }

    @Override
    public Object getValueAt(int r, int c) {
      WorldEvent e = shown.get(r);
      return switch (c) {
        case 0 -> DayClock.format(e.day()).substring("day ".length());
        case 1 -> EventText.name(e.type());
        case 2 -> EventText.who(e);
        default -> EventText.detail(e);
      };
    }
  }

  /** Colours the event type of flashing events like their flash on the network display. */
  private final class TypeRenderer extends DefaultTableCellRenderer {
    private static final long serialVersionUID = 1L;

    @Override
    public Component getTableCellRendererComponent(
        JTable t, Object value, boolean selected, boolean focus, int row, int col) {
      Component c = super.getTableCellRendererComponent(t, value, selected, focus, row, col);
      FlashKind k = row < shown.size() ? FlashKind.of(shown.get(row).type()) : null;
      if (!selected) {
        c.setForeground(col == 1 && k != null ? k.color().darker() : Color.BLACK);
      }
      c.setFont(col == 1 && k != null ? getFont().deriveFont(Font.BOLD) : getFont());
      if (c instanceof javax.swing.JComponent jc && row < shown.size())
        jc.setToolTipText(EventText.line(shown.get(row)));
      return c;
    }
  }
}
