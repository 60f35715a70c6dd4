package org.bmsworkbench.ui.mqtt;

import org.bmsworkbench.events.MqttStatus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/** One label in the status line: the MQTT state in words, the details in its tooltip; hidden text when off. */
public final class MqttStatusView extends Composite {

    private final Label label;
    private Messages messages;
    private MqttStatus shown;

    public MqttStatusView(Composite parent, Messages messages) {
        super(parent, SWT.NONE);
        this.messages = messages;
        GridLayout layout = new GridLayout(1, false);
        layout.marginHeight = 0;
        layout.marginWidth = 6;
        setLayout(layout);
        label = new Label(this, SWT.NONE);
        label.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, true));
    }

    /** Shows a status; {@code null}: the publisher is not installed, shown as off. */
    public void show(MqttStatus status) {
        if (status != null && status.equals(shown)) {
            return;
        }
        shown = status;
        String text = status == null ? messages.status_OFF : messages.statusText(status);
        String tip = status == null ? "" : messages.statusTooltip(status);
        if (!text.equals(label.getText()) || !tip.equals(label.getToolTipText() == null ? "" : label.getToolTipText())) {
            label.setText(text);
            label.setToolTipText(tip.isEmpty() ? null : tip);
            getParent().layout(true, true);
        }
    }

    /** The text shown, for tests. */
    public String text() {
        return label.getText();
    }

    public void setMessages(Messages messages) {
        this.messages = messages;
        MqttStatus s = shown;
        shown = null;
        show(s);
    }
}
