package org.bmsworkbench.ui.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bmsworkbench.config.CalibrationKind;
import org.bmsworkbench.config.CalibrationResult;
import org.bmsworkbench.config.CalibrationChecks;
import org.bmsworkbench.config.SetupWrites;
import org.bmsworkbench.control.Judgement;
import org.bmsworkbench.control.PackWrite;
import org.bmsworkbench.control.Refusal;
import org.bmsworkbench.control.WriteOutcome;
import org.bmsworkbench.protocol.setup.CalibrationReset;
import org.bmsworkbench.ui.config.model.CalibrationSession;
import org.bmsworkbench.ui.config.model.ConfigForm;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The calibration wizard: choose voltage, current zero or temperature (one sensor, or all to one reference); prepare
 * with the preconditions checked live on the pack's values; type the reference, checked for plausibility against
 * the reading; Calibrate sends it through the guarded write path and the last page shows before → after and the
 * residual error. Nothing is sent before Calibrate; Cancel before it sends nothing.
 */
public final class CalibrationWizard extends Wizard {

    private static final Color PROBLEM = new Color(0xc5, 0x22, 0x1f);
    private static final Color OK = new Color(0x1e, 0x8e, 0x3e);
    private static final int LIVE_MILLIS = 500;

    private final PackTarget pack;
    private final Messages m;
    private final ChoosePage choose;
    private final PreparePage prepare;
    private final ReferencePage reference;
    private final ResultPage result;
    private CalibrationSession session;
    private WriteOutcome<CalibrationResult> outcome;

    CalibrationWizard(PackTarget pack, Messages m) {
        this.pack = pack;
        this.m = m;
        setWindowTitle(Messages.format(m.wizard_title, pack.address()));
        setNeedsProgressMonitor(false);
        choose = new ChoosePage();
        prepare = new PreparePage();
        reference = new ReferencePage();
        result = new ResultPage();
    }

    @Override
    public void addPages() {
        addPage(choose);
        addPage(prepare);
        addPage(reference);
        addPage(result);
    }

    @Override
    public boolean canFinish() {
        return outcome != null;
    }

    @Override
    public boolean performFinish() {
        return true;
    }

    /** The session of the kind and sensors now chosen, started afresh when they change. */
    CalibrationSession session() {
        CalibrationKind kind = choose.kind();
        List<Integer> sensors = choose.sensors();
        if (session == null || session.kind() != kind || !session.sensors().equals(
                kind == CalibrationKind.VOLTAGE || kind == CalibrationKind.CURRENT_ZERO ? List.of(0) : sensors)) {
            session = new CalibrationSession(kind, sensors);
        }
        return session;
    }

    private PackWrite<CalibrationResult> write(double ref) {
        CalibrationKind kind = choose.kind();
        return switch (kind) {
            case VOLTAGE -> SetupWrites.calibrateVoltage(pack.busId(), pack.address(), ref);
            case CURRENT_ZERO -> SetupWrites.calibrateCurrentZero(pack.busId(), pack.address());
            case TEMPERATURE -> SetupWrites.calibrateTemperature(pack.busId(), pack.address(), choose.sensors().get(0), ref);
            case ALL_TEMPERATURES -> SetupWrites.calibrateTemperatures(pack.busId(), pack.address(), choose.sensors(), ref);
        };
    }

    private String kindText(CalibrationKind k) {
        return switch (k) {
            case VOLTAGE -> m.kind_VOLTAGE;
            case CURRENT_ZERO -> m.kind_CURRENT_ZERO;
            case TEMPERATURE -> m.kind_TEMPERATURE;
            case ALL_TEMPERATURES -> m.kind_ALL_TEMPERATURES;
        };
    }

    private String unit() {
        return switch (choose.kind()) {
            case VOLTAGE -> "V";
            case CURRENT_ZERO -> "A";
            default -> "\u00b0C";
        };
    }

    private static GridLayout grid(int columns) {
        return new GridLayout(columns, false);
    }

    private static Label wrap(Composite parent, int span) {
        Label l = new Label(parent, SWT.WRAP);
        GridData d = new GridData(SWT.FILL, SWT.TOP, true, false, span, 1);
        d.widthHint = 520;
        l.setLayoutData(d);
        return l;
    }

    /** Refreshes a page from the live values twice a second while it is shown. */
    private void live(WizardPage page, Runnable update) {
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            if (page.getControl() == null || page.getControl().isDisposed()) {
                return;
            }
            if (page.getWizard().getContainer().getCurrentPage() == page) {
                session().feed(pack.latest(), System.nanoTime() / 1e9);
                update.run();
            }
            page.getControl().getDisplay().timerExec(LIVE_MILLIS, tick[0]);
        };
        page.getControl().getDisplay().timerExec(LIVE_MILLIS, tick[0]);
    }

    // --- page 1: what to calibrate --------------------------------------------------------------------------------

    final class ChoosePage extends WizardPage {
        private final List<Button> kinds = new ArrayList<>();
        private Combo sensor;
        private List<Integer> offered = List.of();
        private Label resetOutcome;

        ChoosePage() {
            super("choose");
        }

        @Override
        public void createControl(Composite parent) {
            setTitle(m.wizard_choose);
            setDescription(m.wizard_chooseText);
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(grid(2));
            for (CalibrationKind k : CalibrationKind.values()) {
                Button b = new Button(c, SWT.RADIO);
                b.setText(kindText(k));
                b.setData(k);
                b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
                b.addListener(SWT.Selection, e -> changed());
                kinds.add(b);
            }
            kinds.get(0).setSelection(true);
            new Label(c, SWT.NONE).setText(m.sensor_label);
            sensor = new Combo(c, SWT.READ_ONLY);
            offered = CalibrationSession.sensorsOf(pack.latest());
            for (int s : offered) {
                sensor.add(CalibrationResult.sensorName(s));
            }
            if (!offered.isEmpty()) {
                sensor.select(0);
            }
            sensor.addListener(SWT.Selection, e -> changed());
            Label sep = new Label(c, SWT.SEPARATOR | SWT.HORIZONTAL);
            sep.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            new Label(c, SWT.NONE).setText(m.reset_label);
            Button reset = new Button(c, SWT.PUSH);
            reset.setText(m.reset_button);
            reset.addListener(SWT.Selection, e -> reset());
            resetOutcome = wrap(c, 2);
            setControl(c);
            changed();
        }

        CalibrationKind kind() {
            for (Button b : kinds) {
                if (b.getSelection()) {
                    return (CalibrationKind) b.getData();
                }
            }
            return CalibrationKind.VOLTAGE;
        }

        List<Integer> sensors() {
            if (kind() == CalibrationKind.ALL_TEMPERATURES) {
                return offered;
            }
            int i = sensor == null ? -1 : sensor.getSelectionIndex();
            return i < 0 ? List.of() : List.of(offered.get(i));
        }

        /** For tests: selects a kind and a sensor number. */
        void choose(CalibrationKind k, int sensorNumber) {
            for (Button b : kinds) {
                b.setSelection(b.getData() == k);
            }
            int i = offered.indexOf(sensorNumber);
            if (i >= 0) {
                sensor.select(i);
            }
            changed();
        }

        private void changed() {
            CalibrationKind k = kind();
            sensor.setEnabled(k == CalibrationKind.TEMPERATURE);
            boolean temps = k == CalibrationKind.TEMPERATURE || k == CalibrationKind.ALL_TEMPERATURES;
            setPageComplete(!temps || !sensors().isEmpty());
            outcome = null;
        }

        private void reset() {
            CalibrationKind k = kind();
            CalibrationReset what = switch (k) {
                case VOLTAGE -> CalibrationReset.VOLTAGE;
                case CURRENT_ZERO -> CalibrationReset.CURRENT_ZERO;
                case TEMPERATURE -> CalibrationReset.SENSOR;
                case ALL_TEMPERATURES -> CalibrationReset.ALL_SENSORS;
            };
            int s = k == CalibrationKind.TEMPERATURE && !sensors().isEmpty() ? sensors().get(0) : 0;
            PackWrite<?> w = SetupWrites.resetCalibration(pack.busId(), pack.address(), what, s);
            Judgement j = pack.writes().judge(w);
            String refused = Outcomes.refused(m, j);
            if (refused != null) {
                show(refused, false);
                return;
            }
            if (!pack.prompts().unlocked(getShell())) {
                show(m.locked, false);
                return;
            }
            if (!pack.prompts().confirm(getShell(), Messages.format(m.confirm_title, pack.address()),
                    Messages.format(m.reset_confirm, kindText(k), pack.address()), m.confirm_send, m.confirm_cancel)) {
                show(Outcomes.cancelled(m, pack.writes(), w), true);
                return;
            }
            pack.writes().submit(w).thenAccept(o -> pack.sync().asyncExec(() -> {
                if (!resetOutcome.isDisposed()) {
                    show(Outcomes.text(m, o), Outcomes.good(o));
                }
            }));
        }

        private void show(String text, boolean good) {
            resetOutcome.setText(text);
            resetOutcome.setForeground(good ? OK : PROBLEM);
            resetOutcome.requestLayout();
        }

        String resetText() {
            return resetOutcome.getText();
        }
    }

    // --- page 2: prepare, preconditions checked live -----------------------------------------------------------------

    final class PreparePage extends WizardPage {
        private Label instructions;
        private Label online;
        private Label steady;

        PreparePage() {
            super("prepare");
        }

        @Override
        public void createControl(Composite parent) {
            setTitle(m.wizard_prepare);
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(grid(1));
            instructions = wrap(c, 1);
            online = wrap(c, 1);
            steady = wrap(c, 1);
            setControl(c);
            setPageComplete(false);
            live(this, this::update);
        }

        @Override
        public void setVisible(boolean visible) {
            if (visible) {
                update();
            }
            super.setVisible(visible);
        }

        void update() {
            CalibrationKind k = choose.kind();
            setDescription(kindText(k));
            instructions.setText(switch (k) {
                case VOLTAGE -> m.prepare_VOLTAGE;
                case CURRENT_ZERO -> Messages.format(m.prepare_CURRENT_ZERO, ConfigForm.format(
                        CalibrationChecks.ZERO_MAX_AMPS), ConfigForm.format(CalibrationChecks.ZERO_STEADY_SECONDS));
                case TEMPERATURE -> Messages.format(m.prepare_TEMPERATURE, ConfigForm.format(
                        CalibrationChecks.TEMPERATURE_STEADY_SPAN), ConfigForm.format(CalibrationChecks.TEMPERATURE_STEADY_SECONDS));
                case ALL_TEMPERATURES -> m.prepare_ALL_TEMPERATURES;
            });
            // any reference will do for the judgement: it looks at the pack, not at the value
            Judgement j = pack.writes().judge(write(k == CalibrationKind.CURRENT_ZERO ? 0 : 1));
            boolean answering = j.refusal().filter(r -> r == Refusal.NO_DATA || r == Refusal.NOT_CURRENT
                    || r == Refusal.BUS_NOT_OPEN).isEmpty();
            boolean current = j.refusal().isEmpty();
            online.setText((answering ? m.check_ok : m.check_wait) + "  " + m.check_online
                    + (current ? "" : ": " + Outcomes.refusal(m, j.refusal().get(), j.current(), "")));
            online.setForeground(current ? OK : PROBLEM);
            CalibrationSession s = session();
            String seconds = String.format(Locale.ROOT, "%.0f", Math.min(s.steadyFor(), s.window()));
            steady.setText((s.steady() ? m.check_ok : m.check_wait) + "  " + (k == CalibrationKind.CURRENT_ZERO
                    ? Messages.format(m.check_current, ConfigForm.format(CalibrationChecks.ZERO_MAX_AMPS),
                            ConfigForm.format(s.window()), seconds)
                    : Messages.format(m.check_stable, ConfigForm.format(s.window()), seconds)));
            steady.setForeground(s.steady() ? OK : null);
            getControl().requestLayout();
            setPageComplete(current && s.steady());
        }

        String checksText() {
            return online.getText() + "\n" + steady.getText();
        }
    }

    // --- page 3: the reference, and Calibrate ------------------------------------------------------------------------

    final class ReferencePage extends WizardPage {
        private Label reading;
        private Label referenceLabel;
        private Text value;
        private Label hint;
        private Label problem;
        private Button calibrate;
        private boolean running;

        ReferencePage() {
            super("reference");
        }

        @Override
        public void createControl(Composite parent) {
            setTitle(m.wizard_measure);
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(grid(2));
            new Label(c, SWT.NONE).setText(m.measure_reading);
            reading = new Label(c, SWT.NONE);
            reading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            referenceLabel = new Label(c, SWT.NONE);
            value = new Text(c, SWT.BORDER);
            GridData d = new GridData(SWT.BEGINNING, SWT.CENTER, false, false);
            d.widthHint = 140;
            value.setLayoutData(d);
            value.addListener(SWT.Modify, e -> check());
            hint = wrap(c, 2);
            problem = wrap(c, 2);
            calibrate = new Button(c, SWT.PUSH);
            calibrate.setText(m.measure_calibrate);
            calibrate.addListener(SWT.Selection, e -> calibrate());
            setControl(c);
            setPageComplete(false);
            live(this, this::showReading);
        }

        @Override
        public void setVisible(boolean visible) {
            if (visible) {
                CalibrationKind k = choose.kind();
                setDescription(kindText(k));
                boolean zero = k == CalibrationKind.CURRENT_ZERO;
                referenceLabel.setText(Messages.format(m.measure_reference, unit()));
                referenceLabel.requestLayout();
                value.setEnabled(!zero);
                value.setText(zero ? "0" : value.getText());
                hint.setText(zero ? "" : Messages.format(m.measure_hint, k == CalibrationKind.VOLTAGE ? "5 %"
                        : "10 \u00b0C"));
                showReading();
                check();
            }
            super.setVisible(visible);
        }

        private void showReading() {
            CalibrationSession s = session();
            List<String> parts = new ArrayList<>();
            for (int sensor : s.sensors()) {
                double r = s.reading(s.last() != null ? s.last() : pack.latest(), sensor);
                String v = Double.isNaN(r) ? m.unknown : String.format(Locale.ROOT,
                        choose.kind() == CalibrationKind.VOLTAGE || choose.kind() == CalibrationKind.CURRENT_ZERO
                                ? "%.3f %s" : "%.1f %s", r, unit());
                parts.add(sensor > 0 ? CalibrationResult.sensorName(sensor) + " " + v : v);
            }
            reading.setText(String.join(", ", parts));
            reading.requestLayout();
        }

        /** The reference typed, NaN when none; for current zero 0. */
        private double typed() {
            if (choose.kind() == CalibrationKind.CURRENT_ZERO) {
                return 0;
            }
            Double v = ConfigForm.number(value.getText());
            return v == null ? Double.NaN : v;
        }

        private String problemText() {
            double ref = typed();
            if (Double.isNaN(ref)) {
                return m.reference_missing;
            }
            String p = session().referenceProblem(ref);
            if (p == null) {
                return null;
            }
            return choose.kind() == CalibrationKind.VOLTAGE ? m.voltage_problem : m.temperature_problem;
        }

        private void check() {
            String p = problemText();
            problem.setText(p == null ? "" : p);
            problem.setForeground(PROBLEM);
            calibrate.setEnabled(p == null && !running && outcome == null);
            problem.requestLayout();
        }

        void calibrate() {
            String p = problemText();
            if (p != null || running) {
                return;
            }
            PackWrite<CalibrationResult> w = write(typed());
            String refused = Outcomes.refused(m, pack.writes().judge(w));
            if (refused != null) {
                problem.setText(refused);
                return;
            }
            if (!pack.prompts().unlocked(getShell())) {
                problem.setText(m.locked);
                return;
            }
            if (!pack.prompts().confirm(getShell(), Messages.format(m.confirm_title, pack.address()),
                    Messages.format(m.calibrate_confirm, pack.address(), pack.busLabel(), kindText(choose.kind()),
                            reading.getText(), w.newValue()), m.measure_calibrate, m.confirm_cancel)) {
                problem.setText(Outcomes.cancelled(m, pack.writes(), w));
                return;
            }
            running = true;
            calibrate.setEnabled(false);
            problem.setText(m.measure_running);
            problem.setForeground(null);
            pack.writes().submit(w).thenAccept(o -> pack.sync().asyncExec(() -> {
                running = false;
                if (getControl().isDisposed()) {
                    return;
                }
                if (o.value() != null) {
                    outcome = o;
                    setPageComplete(true);
                    getContainer().showPage(result);
                } else {
                    problem.setText(Outcomes.text(m, o));
                    problem.setForeground(PROBLEM);
                    calibrate.setEnabled(true);
                }
                getContainer().updateButtons();
            }));
        }

        void type(String text) {
            value.setText(text);
        }

        String problemLine() {
            return problem.getText();
        }

        boolean calibrateEnabled() {
            return calibrate.isEnabled();
        }
    }

    // --- page 4: the result -----------------------------------------------------------------------------------------

    final class ResultPage extends WizardPage {
        private Label lines;
        private Label verdict;

        ResultPage() {
            super("result");
        }

        @Override
        public void createControl(Composite parent) {
            setTitle(m.wizard_result);
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(grid(1));
            lines = wrap(c, 1);
            verdict = wrap(c, 1);
            setControl(c);
        }

        @Override
        public void setVisible(boolean visible) {
            if (visible && outcome != null) {
                CalibrationResult r = outcome.value();
                setDescription(kindText(r.kind()));
                String f = r.kind() == CalibrationKind.VOLTAGE || r.kind() == CalibrationKind.CURRENT_ZERO ? "%.3f %s"
                        : "%.1f %s";
                List<String> text = new ArrayList<>();
                for (CalibrationResult.Step s : r.steps()) {
                    text.add(Messages.format(m.result_line, s.sensor() > 0 ? CalibrationResult.sensorName(s.sensor())
                            : kindText(r.kind()), String.format(Locale.ROOT, f, s.before(), r.unit()),
                            String.format(Locale.ROOT, f, s.after(), r.unit()),
                            String.format(Locale.ROOT, f, s.reference(), r.unit()),
                            String.format(Locale.ROOT, f.replace("%.", "%+."), s.residual(), r.unit())));
                }
                lines.setText(String.join("\n", text));
                String tol = String.format(Locale.ROOT, f, r.tolerance(), r.unit());
                verdict.setText(r.withinTolerance() ? Messages.format(m.result_ok, tol) : Messages.format(m.result_bad, tol));
                verdict.setForeground(r.withinTolerance() ? OK : PROBLEM);
                getControl().requestLayout();
            }
            super.setVisible(visible);
        }

        String text() {
            return lines.getText() + "\n" + verdict.getText();
        }
    }

    @Override
    public IWizardPage getNextPage(IWizardPage page) {
        if (page == reference && outcome == null) {
            return null;
        }
        if (page == result) {
            return null;
        }
        return super.getNextPage(page);
    }

    // --- for tests ----------------------------------------------------------------------------------------------

    ChoosePage choosePage() {
        return choose;
    }

    PreparePage preparePage() {
        return prepare;
    }

    ReferencePage referencePage() {
        return reference;
    }

    ResultPage resultPage() {
        return result;
    }

    WriteOutcome<CalibrationResult> outcome() {
        return outcome;
    }
}
