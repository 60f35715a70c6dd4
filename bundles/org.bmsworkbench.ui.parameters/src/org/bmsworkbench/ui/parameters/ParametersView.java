package org.bmsworkbench.ui.parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.bmsworkbench.parameters.ParameterRow;
import org.bmsworkbench.parameters.RowState;
import org.bmsworkbench.ui.parameters.model.ParameterPage;
import org.bmsworkbench.ui.parameters.model.ParameterPage.Column;
import org.bmsworkbench.ui.parameters.model.ParameterPage.Editor;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.config.AbstractRegistryConfiguration;
import org.eclipse.nebula.widgets.nattable.config.CellConfigAttributes;
import org.eclipse.nebula.widgets.nattable.config.DefaultNatTableStyleConfiguration;
import org.eclipse.nebula.widgets.nattable.config.IConfigRegistry;
import org.eclipse.nebula.widgets.nattable.config.IEditableRule;
import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.eclipse.nebula.widgets.nattable.data.convert.DefaultBooleanDisplayConverter;
import org.eclipse.nebula.widgets.nattable.edit.EditConfigAttributes;
import org.eclipse.nebula.widgets.nattable.edit.command.UpdateDataCommand;
import org.eclipse.nebula.widgets.nattable.edit.config.DefaultEditBindings;
import org.eclipse.nebula.widgets.nattable.edit.config.DefaultEditConfiguration;
import org.eclipse.nebula.widgets.nattable.edit.editor.CheckBoxCellEditor;
import org.eclipse.nebula.widgets.nattable.edit.editor.ComboBoxCellEditor;
import org.eclipse.nebula.widgets.nattable.edit.editor.IComboBoxDataProvider;
import org.eclipse.nebula.widgets.nattable.edit.editor.TextCellEditor;
import org.eclipse.nebula.widgets.nattable.grid.GridRegion;
import org.eclipse.nebula.widgets.nattable.grid.layer.ColumnHeaderLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultColumnHeaderDataLayer;
import org.eclipse.nebula.widgets.nattable.layer.CompositeLayer;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.nebula.widgets.nattable.layer.event.RowStructuralRefreshEvent;
import org.eclipse.nebula.widgets.nattable.painter.cell.CheckBoxPainter;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer;
import org.eclipse.nebula.widgets.nattable.style.CellStyleAttributes;
import org.eclipse.nebula.widgets.nattable.style.DisplayMode;
import org.eclipse.nebula.widgets.nattable.style.HorizontalAlignmentEnum;
import org.eclipse.nebula.widgets.nattable.style.Style;
import org.eclipse.nebula.widgets.nattable.tooltip.NatTableContentTooltip;
import org.eclipse.nebula.widgets.nattable.viewport.ViewportLayer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Text;

/**
 * The Parameter Information page: a header with the pack and its state, the actions (Read, Write, Revert, Import,
 * Export, Report, Compare, Apply to packs, "Write all", "Restore default parameters"), a NatTable of the
 * {@link ParameterPage} (section header rows, the Value column the only editable one: text, a choice or a check
 * box), the short-circuit current and a message area. The view shows; the {@link Actions} decide.
 */
public final class ParametersView extends Composite {

    /** What the buttons and edits ask of the part. */
    public interface Actions {
        void read();

        void write();

        void revert();

        void importFile();

        void exportFile();

        void report();

        void compare();

        void apply();

        void writeAll(boolean on);

        void restoreDefaults(boolean on);

        /** A Value cell was changed in the table (already entered on the page). */
        void edited();
    }

    static final String LABEL_SECTION = "bmsw.parameters.section";
    static final String LABEL_EDIT_TEXT = "bmsw.parameters.edit.text";
    static final String LABEL_EDIT_CHOICE = "bmsw.parameters.edit.choice";
    static final String LABEL_EDIT_SWITCH = "bmsw.parameters.edit.switch";
    static final String LABEL_VALUE = "bmsw.parameters.value";
    static final String LABEL_NUMBER = "bmsw.parameters.number";
    static final String LABEL_STATE = "bmsw.parameters.state";
    static final String LABEL_CHANGED = "bmsw.parameters.changed";
    static final String LABEL_INVALID = "bmsw.parameters.invalid";
    static final String LABEL_DIFFERS = "bmsw.parameters.differs";

    static final Color CHANGED_BACKGROUND = new Color(0xd9, 0xe8, 0xfc);
    static final Color INVALID_BACKGROUND = new Color(0xf9, 0xd2, 0xd0);
    static final Color INVALID_FOREGROUND = new Color(0xa5, 0x0e, 0x0e);
    static final Color DIFFERS_BACKGROUND = new Color(0xfe, 0xe4, 0xb8);
    static final Color SECTION_BACKGROUND = new Color(0xe6, 0xe9, 0xee);
    static final Color VALUE_BACKGROUND = new Color(0xff, 0xfd, 0xf2);

    private static final int[] WIDTHS = { 300, 48, 80, 80, 230, 210, 170 };

    private final ParameterPage page;
    private final Actions actions;
    private Messages messages;
    private final Label header;
    private final Label notice;
    private final Composite bar;
    private final Button read;
    private final Button write;
    private final Button revert;
    private final Button importButton;
    private final Button exportButton;
    private final Button reportButton;
    private final Button compare;
    private final Button apply;
    private final Button writeAll;
    private final Button restore;
    private final ProgressBar progress;
    private final DataLayer bodyDataLayer;
    private final NatTable natTable;
    private final Label scp;
    private final Text message;
    private final Font bold;
    private boolean problem;

    public ParametersView(Composite parent, Messages messages, ParameterPage page, Actions actions) {
        super(parent, SWT.NONE);
        this.messages = messages;
        this.page = page;
        this.actions = actions;
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 8;
        layout.marginHeight = 6;
        layout.verticalSpacing = 4;
        setLayout(layout);

        header = new Label(this, SWT.WRAP);
        header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        FontData fd = header.getFont().getFontData()[0];
        bold = new Font(getDisplay(), fd.getName(), fd.getHeight(), SWT.BOLD);
        header.setFont(bold);
        notice = new Label(this, SWT.WRAP);
        notice.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        bar = new Composite(this, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.wrap = true;
        row.center = true;
        row.marginLeft = 0;
        row.marginRight = 0;
        row.spacing = 6;
        bar.setLayout(row);
        read = button(SWT.PUSH, actions::read);
        write = button(SWT.PUSH, actions::write);
        revert = button(SWT.PUSH, actions::revert);
        importButton = button(SWT.PUSH, actions::importFile);
        exportButton = button(SWT.PUSH, actions::exportFile);
        reportButton = button(SWT.PUSH, actions::report);
        compare = button(SWT.PUSH, actions::compare);
        apply = button(SWT.PUSH, actions::apply);
        writeAll = new Button(bar, SWT.CHECK);
        writeAll.addListener(SWT.Selection, e -> actions.writeAll(writeAll.getSelection()));
        restore = new Button(bar, SWT.CHECK);
        restore.addListener(SWT.Selection, e -> actions.restoreDefaults(restore.getSelection()));
        progress = new ProgressBar(bar, SWT.INDETERMINATE);
        progress.setLayoutData(new RowData(120, SWT.DEFAULT));
        setBusy(false);

        bodyDataLayer = new DataLayer(new Body());
        for (int i = 0; i < WIDTHS.length; i++) {
            bodyDataLayer.setColumnWidthByPosition(i, WIDTHS[i]);
        }
        bodyDataLayer.setConfigLabelAccumulator((labels, column, rowIndex) -> {
            if (rowIndex >= page.size()) {
                return;
            }
            ParameterPage.Line line = page.line(rowIndex);
            if (line.isHeader()) {
                labels.addLabel(LABEL_SECTION);
                return;
            }
            switch (line.row().state()) {
                case CHANGED -> labels.addLabel(LABEL_CHANGED);
                case INVALID -> labels.addLabel(LABEL_INVALID);
                case DIFFERS_AFTER_WRITE -> labels.addLabel(LABEL_DIFFERS);
                default -> { }
            }
            if (column == Column.VALUE.ordinal()) {
                switch (page.editor(rowIndex)) {
                    case TEXT -> labels.addLabel(LABEL_EDIT_TEXT);
                    case CHOICE -> labels.addLabel(LABEL_EDIT_CHOICE);
                    case SWITCH -> labels.addLabel(LABEL_EDIT_SWITCH);
                    default -> { }
                }
                labels.addLabel(LABEL_VALUE);
            }
            boolean number = !line.row().definition().isChoice();
            if (column == Column.MINIMUM.ordinal() || column == Column.MAXIMUM.ordinal()
                    || number && (column == Column.DEVICE.ordinal() || column == Column.VALUE.ordinal())) {
                labels.addLabel(LABEL_NUMBER);
            }
            if (column == Column.STATE.ordinal()) {
                labels.addLabel(LABEL_STATE);
            }
        });
        SelectionLayer selectionLayer = new SelectionLayer(bodyDataLayer);
        ViewportLayer viewportLayer = new ViewportLayer(selectionLayer);
        DataLayer columnHeaderDataLayer = new DefaultColumnHeaderDataLayer(new Titles());
        ColumnHeaderLayer columnHeaderLayer = new ColumnHeaderLayer(columnHeaderDataLayer, viewportLayer,
                selectionLayer);
        CompositeLayer composite = new CompositeLayer(1, 2);
        composite.setChildLayer(GridRegion.COLUMN_HEADER, columnHeaderLayer, 0, 0);
        composite.setChildLayer(GridRegion.BODY, viewportLayer, 0, 1);
        composite.addConfiguration(new DefaultEditConfiguration());

        natTable = new NatTable(this, composite, false);
        natTable.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        natTable.addConfiguration(new DefaultNatTableStyleConfiguration());
        natTable.addConfiguration(new DefaultEditBindings());
        natTable.addConfiguration(new Editing());
        natTable.configure();
        new Tooltip(natTable);

        scp = new Label(this, SWT.WRAP);
        scp.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        message = new Text(this, SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL | SWT.BORDER);
        GridData md = new GridData(SWT.FILL, SWT.CENTER, true, false);
        md.heightHint = message.getLineHeight() * 3 + 4;
        message.setLayoutData(md);
        addListener(SWT.Dispose, e -> bold.dispose());
        applyTexts();
    }

    private Button button(int style, Runnable action) {
        Button b = new Button(bar, style);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    /** Re-reads every translated text (after a language switch). */
    public void setMessages(Messages messages) {
        this.messages = messages;
        applyTexts();
        natTable.refresh();
    }

    private void applyTexts() {
        read.setText(messages.button_read);
        write.setText(messages.button_write);
        revert.setText(messages.button_revert);
        importButton.setText(messages.button_import);
        exportButton.setText(messages.button_export);
        reportButton.setText(messages.button_report);
        compare.setText(messages.button_compare);
        apply.setText(messages.button_apply);
        writeAll.setText(messages.check_writeAll);
        writeAll.setToolTipText(messages.check_writeAll_tip);
        restore.setText(messages.check_restore);
        bar.layout(true, true);
        layout(true, true);
    }

    public Messages messages() {
        return messages;
    }

    // --- what the part shows ------------------------------------------------------------------------------------

    /** The pack line and the notice under it (the read-only reason, "not read yet"; empty: none). */
    public void showHeader(String pack, String noticeText) {
        boolean changed = !header.getText().equals(pack) || !notice.getText().equals(noticeText);
        if (changed) {
            header.setText(pack);
            notice.setText(noticeText);
            ((GridData) notice.getLayoutData()).exclude = noticeText.isEmpty();
            notice.setVisible(!noticeText.isEmpty());
            layout(true, true);
        }
    }

    /** The table again, from the page (rows may have come or gone). */
    public void showPage() {
        bodyDataLayer.fireLayerEvent(new RowStructuralRefreshEvent(bodyDataLayer));
        natTable.refresh();
    }

    /** Which actions may be used now. {@code restoreReason}: why restore is not offered, empty when it is. */
    public void enable(boolean canRead, boolean canWrite, boolean hasPage, boolean hasBus, String restoreReason) {
        read.setEnabled(canRead);
        write.setEnabled(canWrite);
        revert.setEnabled(canWrite);
        importButton.setEnabled(hasPage && canWrite);
        exportButton.setEnabled(hasPage);
        reportButton.setEnabled(hasPage);
        compare.setEnabled(hasPage && hasBus);
        apply.setEnabled(canWrite && hasBus);
        writeAll.setEnabled(canWrite);
        restore.setEnabled(canWrite && restoreReason.isEmpty());
        restore.setToolTipText(restoreReason.isEmpty() ? messages.check_restore_tip : restoreReason);
    }

    public void setChecks(boolean all, boolean restoreDefaults) {
        writeAll.setSelection(all);
        restore.setSelection(restoreDefaults);
    }

    public void setBusy(boolean busy) {
        progress.setVisible(busy);
        ((RowData) progress.getLayoutData()).exclude = !busy;
        bar.layout(true, true);
    }

    public void showScp(String text) {
        if (!scp.getText().equals(text)) {
            scp.setText(text);
            ((GridData) scp.getLayoutData()).exclude = text.isEmpty();
            scp.setVisible(!text.isEmpty());
            layout(true, true);
        }
    }

    /** One or more lines for the person; {@code isProblem} shows it in red. */
    public void showMessage(String text, boolean isProblem) {
        problem = isProblem;
        message.setText(text);
        message.setForeground(isProblem ? INVALID_FOREGROUND : null);
    }

    /** Asks for a file to read; empty when the person cancels. */
    public Optional<Path> askOpen(String filterName, String extension) {
        FileDialog d = new FileDialog(getShell(), SWT.OPEN);
        d.setFilterNames(new String[] { filterName });
        d.setFilterExtensions(new String[] { "*." + extension });
        return Optional.ofNullable(d.open()).map(Path::of);
    }

    /** Asks for a file to write, proposing {@code name}; empty when the person cancels. */
    public Optional<Path> askSave(String filterName, String extension, String name) {
        FileDialog d = new FileDialog(getShell(), SWT.SAVE);
        d.setFilterNames(new String[] { filterName });
        d.setFilterExtensions(new String[] { "*." + extension });
        d.setFileName(name);
        d.setOverwrite(true);
        return Optional.ofNullable(d.open()).map(Path::of);
    }

    // --- for tests ----------------------------------------------------------------------------------------------

    public String headerText() {
        return header.getText();
    }

    public String noticeText() {
        return notice.getText();
    }

    public String messageText() {
        return message.getText();
    }

    public boolean messageIsProblem() {
        return problem;
    }

    public String scpText() {
        return scp.getText();
    }

    public NatTable table() {
        return natTable;
    }

    /** The text the table shows in a column of the row of {@code key}. */
    public String cellText(String key, Column column) {
        int i = page.indexOf(key);
        return i < 0 ? null : String.valueOf(bodyDataLayer.getDataValueByPosition(column.ordinal(), i));
    }

    /** Whether the table lets the person edit the Value of {@code key}. */
    public boolean isEditable(String key) {
        int i = page.indexOf(key);
        if (i < 0) {
            return false;
        }
        IEditableRule rule = natTable.getConfigRegistry().getConfigAttribute(EditConfigAttributes.CELL_EDITABLE_RULE,
                DisplayMode.EDIT, bodyDataLayer.getConfigLabelsByPosition(Column.VALUE.ordinal(), i).getLabels());
        return rule != null && rule.isEditable(Column.VALUE.ordinal(), i);
    }

    /** Edits the Value cell of {@code key} as the cell editor does when it commits. */
    public boolean edit(String key, Object value) {
        int i = page.indexOf(key);
        return i >= 0 && isEditable(key)
                && bodyDataLayer.doCommand(new UpdateDataCommand(bodyDataLayer, Column.VALUE.ordinal(), i, value));
    }

    /** The "Restore default parameters" check box. */
    public Button restoreCheck() {
        return restore;
    }

    public boolean restoreEnabled() {
        return restore.getEnabled();
    }

    public boolean readEnabled() {
        return read.getEnabled();
    }

    public boolean writeEnabled() {
        return write.getEnabled();
    }

    public String restoreTooltip() {
        return restore.getToolTipText();
    }

    // --- the table ----------------------------------------------------------------------------------------------

    private final class Body implements IDataProvider {
        @Override
        public Object getDataValue(int column, int row) {
            if (row >= page.size()) {
                return "";
            }
            ParameterPage.Line line = page.line(row);
            if (line.isHeader()) {
                return column == 0 ? messages.section(line.section()) : "";
            }
            if (column == Column.VALUE.ordinal() && ParameterPage.isSwitch(line.row().definition())) {
                return page.switchedOn(row);
            }
            if (column == Column.STATE.ordinal()) {
                return messages.mark(line.row().state());
            }
            return page.text(row, Column.values()[column]);
        }

        @Override
        public void setDataValue(int column, int row, Object value) {
            if (column == Column.VALUE.ordinal() && row < page.size() && page.editor(row) != Editor.NONE) {
                page.enter(row, value);
                actions.edited();
            }
        }

        @Override
        public int getColumnCount() {
            return Column.values().length;
        }

        @Override
        public int getRowCount() {
            return page.size();
        }
    }

    private final class Titles implements IDataProvider {
        @Override
        public Object getDataValue(int column, int row) {
            return switch (Column.values()[column]) {
                case NAME -> messages.col_name;
                case UNIT -> messages.col_unit;
                case MINIMUM -> messages.col_min;
                case MAXIMUM -> messages.col_max;
                case VALUE -> messages.col_value;
                case DEVICE -> messages.col_device;
                case STATE -> messages.col_state;
            };
        }

        @Override
        public void setDataValue(int column, int row, Object value) {
            throw new UnsupportedOperationException("titles are not edited");
        }

        @Override
        public int getColumnCount() {
            return Column.values().length;
        }

        @Override
        public int getRowCount() {
            return 1;
        }
    }

    private final class Editing extends AbstractRegistryConfiguration {
        @Override
        public void configureRegistry(IConfigRegistry registry) {
            for (String label : List.of(LABEL_EDIT_TEXT, LABEL_EDIT_CHOICE, LABEL_EDIT_SWITCH)) {
                registry.registerConfigAttribute(EditConfigAttributes.CELL_EDITABLE_RULE, IEditableRule.ALWAYS_EDITABLE,
                        DisplayMode.EDIT, label);
            }
            registry.registerConfigAttribute(EditConfigAttributes.CELL_EDITOR, new TextCellEditor(true, true),
                    DisplayMode.EDIT, LABEL_EDIT_TEXT);
            ComboBoxCellEditor combo = new ComboBoxCellEditor(new IComboBoxDataProvider() {
                @Override
                public List<?> getValues(int columnIndex, int rowIndex) {
                    return page.choices(rowIndex);
                }
            });
            combo.setFreeEdit(false);
            registry.registerConfigAttribute(EditConfigAttributes.CELL_EDITOR, combo, DisplayMode.EDIT,
                    LABEL_EDIT_CHOICE);
            registry.registerConfigAttribute(EditConfigAttributes.CELL_EDITOR, new CheckBoxCellEditor(),
                    DisplayMode.EDIT, LABEL_EDIT_SWITCH);
            registry.registerConfigAttribute(CellConfigAttributes.CELL_PAINTER, new CheckBoxPainter(),
                    DisplayMode.NORMAL, LABEL_EDIT_SWITCH);
            registry.registerConfigAttribute(CellConfigAttributes.DISPLAY_CONVERTER,
                    new DefaultBooleanDisplayConverter(), DisplayMode.NORMAL, LABEL_EDIT_SWITCH);
            registry.registerConfigAttribute(CellConfigAttributes.DISPLAY_CONVERTER,
                    new DefaultBooleanDisplayConverter(), DisplayMode.EDIT, LABEL_EDIT_SWITCH);

            Style section = new Style();
            section.setAttributeValue(CellStyleAttributes.BACKGROUND_COLOR, SECTION_BACKGROUND);
            section.setAttributeValue(CellStyleAttributes.FONT, bold);
            section.setAttributeValue(CellStyleAttributes.HORIZONTAL_ALIGNMENT, HorizontalAlignmentEnum.LEFT);
            registry.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, section, DisplayMode.NORMAL, LABEL_SECTION);
            registry.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, section, DisplayMode.SELECT, LABEL_SECTION);

            style(registry, LABEL_CHANGED, CHANGED_BACKGROUND, null);
            style(registry, LABEL_INVALID, INVALID_BACKGROUND, INVALID_FOREGROUND);
            style(registry, LABEL_DIFFERS, DIFFERS_BACKGROUND, null);
            style(registry, LABEL_VALUE, VALUE_BACKGROUND, null);
            Style left = new Style();
            left.setAttributeValue(CellStyleAttributes.HORIZONTAL_ALIGNMENT, HorizontalAlignmentEnum.LEFT);
            registry.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, left, DisplayMode.NORMAL,
                    GridRegion.BODY);
            Style right = new Style();
            right.setAttributeValue(CellStyleAttributes.HORIZONTAL_ALIGNMENT, HorizontalAlignmentEnum.RIGHT);
            registry.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, right, DisplayMode.NORMAL, LABEL_NUMBER);
            Style center = new Style();
            center.setAttributeValue(CellStyleAttributes.HORIZONTAL_ALIGNMENT, HorizontalAlignmentEnum.CENTER);
            registry.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, center, DisplayMode.NORMAL, LABEL_STATE);
        }

        private void style(IConfigRegistry registry, String label, Color background, Color foreground) {
            Style s = new Style();
            s.setAttributeValue(CellStyleAttributes.BACKGROUND_COLOR, background);
            if (foreground != null) {
                s.setAttributeValue(CellStyleAttributes.FOREGROUND_COLOR, foreground);
            }
            registry.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, s, DisplayMode.NORMAL, label);
        }
    }

    /** The one-line message of an invalid or differing row as the tooltip of its cells. */
    private final class Tooltip extends NatTableContentTooltip {
        Tooltip(NatTable table) {
            super(table, GridRegion.BODY);
        }

        @Override
        protected String getText(Event event) {
            int column = natTable.getColumnPositionByX(event.x);
            int rowPosition = natTable.getRowPositionByY(event.y);
            if (column < 0 || rowPosition < 0) {
                return null;
            }
            int row = natTable.getRowIndexByPosition(rowPosition);
            if (row < 0 || row >= page.size() || page.line(row).isHeader()) {
                return null;
            }
            ParameterRow r = page.line(row).row();
            if (r.state() == RowState.INVALID || r.state() == RowState.DIFFERS_AFTER_WRITE) {
                return r.message();
            }
            return super.getText(event);
        }
    }
}
