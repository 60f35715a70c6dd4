package org.bmsworkbench.ui.comm;

import java.util.List;

import org.bmsworkbench.events.FrameRecord;
import org.bmsworkbench.events.FrameRecord.Direction;
import org.bmsworkbench.ui.comm.model.CommFilter;
import org.bmsworkbench.ui.comm.model.CommFilter.Outcome;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * The Communication view: filters (pack, direction, outcome, search), Pause, Clear, Export and Decode over a virtual
 * table of the frames shown (newest at the bottom, followed while the last row is in view), and the decoded frame
 * below it. It shows the rows the part hands it.
 */
public final class CommView extends Composite {

    private Messages messages;
    private final Label packLabel;
    private final Combo pack;
    private final Label directionLabel;
    private final Combo direction;
    private final Label outcomeLabel;
    private final Combo outcome;
    private final Text search;
    private final Button pause;
    private final Button clear;
    private final Button export;
    private final Button decode;
    private final Table table;
    private final Text decoded;
    private final Label status;
    private List<String[]> rows = List.of();
    private List<Integer> packs = List.of();

    public CommView(Composite parent, Messages messages) {
        super(parent, SWT.NONE);
        setLayout(new GridLayout(1, false));
        Composite bar = new Composite(this, SWT.NONE);
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.wrap = true;
        row.center = true;
        bar.setLayout(row);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        packLabel = new Label(bar, SWT.NONE);
        pack = new Combo(bar, SWT.READ_ONLY);
        directionLabel = new Label(bar, SWT.NONE);
        direction = new Combo(bar, SWT.READ_ONLY);
        outcomeLabel = new Label(bar, SWT.NONE);
        outcome = new Combo(bar, SWT.READ_ONLY);
        search = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        search.setLayoutData(new org.eclipse.swt.layout.RowData(160, SWT.DEFAULT));
        pause = new Button(bar, SWT.TOGGLE);
        clear = new Button(bar, SWT.PUSH);
        export = new Button(bar, SWT.PUSH);
        decode = new Button(bar, SWT.PUSH);

        SashForm sash = new SashForm(this, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table = new Table(sash, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        int[] widths = { 170, 40, 70, 45, 420, 260, 110 };
        for (int w : widths) {
            new TableColumn(table, SWT.LEFT).setWidth(w);
        }
        table.addListener(SWT.SetData, e -> {
            TableItem item = (TableItem) e.item;
            int i = table.indexOf(item);
            if (i >= 0 && i < rows.size()) {
                String[] r = rows.get(i);
                item.setText(r);
                boolean bad = !r[6].equals(Outcome.OK.name()) && !r[6].equals(Outcome.SENT.name());
                item.setForeground(bad ? getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
            }
        });
        decoded = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        sash.setWeights(72, 28);
        status = new Label(this, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        setMessages(messages);
    }

    public void setMessages(Messages m) {
        messages = m;
        packLabel.setText(m.comm_pack);
        directionLabel.setText(m.comm_direction);
        outcomeLabel.setText(m.comm_outcome);
        int d = Math.max(0, direction.getSelectionIndex());
        direction.setItems(m.comm_bothDirections, Direction.TX.name(), Direction.RX.name());
        direction.select(d);
        int o = Math.max(0, outcome.getSelectionIndex());
        String[] outcomes = new String[Outcome.values().length + 1];
        outcomes[0] = m.comm_anyOutcome;
        for (Outcome x : Outcome.values()) {
            outcomes[x.ordinal() + 1] = x == Outcome.ERROR ? m.comm_errors : x.name();
        }
        outcome.setItems(outcomes);
        outcome.select(o);
        setPacks(packs, true);
        search.setMessage(m.comm_search);
        pause.setText(m.comm_pause);
        clear.setText(m.comm_clear);
        export.setText(m.comm_export);
        decode.setText(m.comm_decode);
        String[] titles = { m.col_time, m.col_direction, m.col_bus, m.col_pack, m.col_frame, m.col_summary,
                m.col_outcome };
        for (int i = 0; i < titles.length; i++) {
            table.getColumn(i).setText(titles[i]);
        }
        if (decoded.getText().isEmpty() || decoded.getData("hint") != null) {
            decoded.setText(m.comm_decode_hint);
            decoded.setData("hint", Boolean.TRUE);
        }
        layout(true, true);
    }

    public Messages messages() {
        return messages;
    }

    /** The packs seen so far, for the pack filter (the choice is kept). */
    public void setPacks(List<Integer> addresses, boolean force) {
        if (!force && addresses.equals(packs)) {
            return;
        }
        int chosen = chosenPack();
        packs = List.copyOf(addresses);
        String[] items = new String[packs.size() + 1];
        items[0] = messages.comm_allPacks;
        for (int i = 0; i < packs.size(); i++) {
            items[i + 1] = Integer.toString(packs.get(i));
        }
        pack.setItems(items);
        int index = packs.indexOf(chosen);
        pack.select(index < 0 ? 0 : index + 1);
        pack.getParent().layout(true, true);
    }

    private int chosenPack() {
        int i = pack.getSelectionIndex();
        return i <= 0 || i > packs.size() ? -1 : packs.get(i - 1);
    }

    /** The filter as chosen. */
    public CommFilter filter() {
        int d = direction.getSelectionIndex();
        int o = outcome.getSelectionIndex();
        return new CommFilter(chosenPack(), d <= 0 ? null : Direction.values()[d - 1],
                o <= 0 ? null : Outcome.values()[o - 1], search.getText());
    }

    /** Shows rows; keeps the newest in view when the last row was in view. */
    public void setRows(List<String[]> next) {
        int top = table.getTopIndex();
        int visible = Math.max(1, table.getClientArea().height / Math.max(1, table.getItemHeight()));
        boolean following = rows.isEmpty() || top + visible >= rows.size() - 1;
        rows = next;
        table.clearAll();
        table.setItemCount(next.size());
        if (following && !next.isEmpty()) {
            table.setTopIndex(Math.max(0, next.size() - visible + 1));
        }
    }

    public List<String[]> rows() {
        return rows;
    }

    public void setStatus(String text) {
        status.setText(text);
    }

    public String statusText() {
        return status.getText();
    }

    public void setDecoded(String text) {
        decoded.setData("hint", null);
        decoded.setText(text);
    }

    public String decodedText() {
        return decoded.getText();
    }

    public Combo packCombo() {
        return pack;
    }

    public Combo directionCombo() {
        return direction;
    }

    public Combo outcomeCombo() {
        return outcome;
    }

    public Text searchText() {
        return search;
    }

    public Button pauseButton() {
        return pause;
    }

    public Button clearButton() {
        return clear;
    }

    public Button exportButton() {
        return export;
    }

    public Button decodeButton() {
        return decode;
    }

    public Table table() {
        return table;
    }
}
