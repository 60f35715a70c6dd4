package org.bmsworkbench.ui.mqtt;

import org.bmsworkbench.mqtt.MqttConfig;
import org.bmsworkbench.ui.mqtt.model.MqttForm;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Tools &gt; MQTT, the workbench's MQTT page: on/off, the broker (URL, base topic, client id, user, password, QoS,
 * state interval, CA file) and Home Assistant discovery. OK is enabled only when {@link MqttForm} accepts the
 * fields; what is wrong is said in the title area. The fields scroll at 1366x768 and below.
 */
public final class MqttDialog extends TitleAreaDialog {

    private final Messages messages;
    private final MqttConfig initial;
    private final String host;
    private Button enabled;
    private Text url;
    private Text base;
    private Text clientId;
    private Text user;
    private Text password;
    private Combo qos;
    private Text interval;
    private Text caFile;
    private Button discovery;
    private Text prefix;
    private MqttConfig config;

    public MqttDialog(Shell shell, Messages messages, MqttConfig initial, String host) {
        super(shell);
        this.messages = messages;
        this.initial = initial;
        this.host = host;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** The checked settings after OK, {@code null} before. */
    public MqttConfig config() {
        return config;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(messages.dialog_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(messages.dialog_title);
        setMessage(messages.dialog_message);
        ScrolledComposite scroll = new ScrolledComposite(area, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        Composite c = new Composite(scroll, SWT.NONE);
        c.setLayout(new GridLayout(1, false));

        enabled = new Button(c, SWT.CHECK);
        enabled.setText(messages.dialog_enabled);
        enabled.setSelection(initial.enabled());

        Group broker = group(c, messages.dialog_broker);
        url = field(broker, messages.dialog_url, initial.url(), messages.dialog_url_hint, SWT.BORDER);
        base = field(broker, messages.dialog_base, initial.base(), null, SWT.BORDER);
        clientId = field(broker, messages.dialog_clientId, initial.clientId(), messages.dialog_clientId_hint, SWT.BORDER);
        user = field(broker, messages.dialog_user, initial.user(), null, SWT.BORDER);
        password = field(broker, messages.dialog_password, initial.password(), null, SWT.BORDER | SWT.PASSWORD);
        label(broker, messages.dialog_qos);
        qos = new Combo(broker, SWT.READ_ONLY);
        qos.setItems("0", "1", "2");
        qos.select(initial.qos());
        qos.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false, 2, 1));
        interval = field(broker, messages.dialog_interval, MqttForm.seconds(initial.interval()), null, SWT.BORDER);
        label(broker, messages.dialog_caFile);
        caFile = new Text(broker, SWT.BORDER);
        caFile.setText(initial.caFile() == null ? "" : initial.caFile().toString());
        caFile.setMessage(messages.dialog_caFile_hint);
        caFile.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button browse = new Button(broker, SWT.PUSH);
        browse.setText(messages.dialog_browse);
        browse.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(getShell(), SWT.OPEN);
            d.setFilterExtensions(new String[] { "*.pem;*.crt", "*" });
            String f = d.open();
            if (f != null) {
                caFile.setText(f);
            }
        });

        Group ha = group(c, messages.dialog_homeAssistant);
        discovery = new Button(ha, SWT.CHECK);
        discovery.setText(messages.dialog_discovery);
        discovery.setSelection(initial.discovery());
        discovery.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        prefix = field(ha, messages.dialog_discoveryPrefix, initial.discoveryPrefix(), null, SWT.BORDER);

        for (Text t : new Text[] { url, base, clientId, user, password, interval, caFile, prefix }) {
            t.addListener(SWT.Modify, e -> validate());
        }
        qos.addListener(SWT.Selection, e -> validate());
        enabled.addListener(SWT.Selection, e -> validate());
        discovery.addListener(SWT.Selection, e -> validate());
        scroll.setContent(c);
        scroll.setMinSize(c.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        validate();
    }

    private Group group(Composite parent, String text) {
        Group g = new Group(parent, SWT.NONE);
        g.setText(text);
        g.setLayout(new GridLayout(3, false));
        g.setLayoutData(new GridData(SWT.FILL, SWT.BEGINNING, true, false));
        return g;
    }

    private static void label(Composite parent, String text) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(text);
    }

    private static Text field(Composite parent, String label, String value, String hint, int style) {
        label(parent, label);
        Text t = new Text(parent, style);
        t.setText(value);
        if (hint != null) {
            t.setMessage(hint);
        }
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        d.widthHint = 320;
        t.setLayoutData(d);
        return t;
    }

    private MqttForm.Result read() {
        return MqttForm.check(enabled.getSelection(), url.getText(), base.getText(), clientId.getText(),
                Math.max(0, qos.getSelectionIndex()), interval.getText(), user.getText(), password.getText(),
                caFile.getText(), discovery.getSelection(), prefix.getText(), host, messages.formTexts());
    }

    private void validate() {
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok == null) {
            return;
        }
        MqttForm.Result r = read();
        setErrorMessage(r.ok() ? null : r.problem());
        ok.setEnabled(r.ok());
    }

    @Override
    protected void okPressed() {
        MqttForm.Result r = read();
        if (!r.ok()) {
            setErrorMessage(r.problem());
            return;
        }
        config = r.config();
        super.okPressed();
    }
}
