package org.bmsworkbench.ui.app;

import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MElementContainer;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/**
 * Keeps a copy of the default layout and restores it.
 * <p>
 * The copy is taken once, on the first start with a fresh model (after all fragments were merged), and
 * is persisted with the model as a snippet; Reset Layout replaces the perspective with a clone of it, in
 * place, without a restart.
 */
public final class DefaultLayout {

    private DefaultLayout() {
    }

    /** Stores the current main perspective as the default layout if none is stored yet. */
    public static boolean captureIfMissing(MApplication app, EModelService models) {
        if (models.findSnippet(app, AppIds.SNIPPET_DEFAULT_LAYOUT) != null) {
            return false;
        }
        MUIElement perspective = models.find(AppIds.PERSPECTIVE_MAIN, app);
        if (!(perspective instanceof MPerspective)) {
            return false;
        }
        MUIElement copy = models.cloneElement(perspective, null);
        copy.setElementId(AppIds.SNIPPET_DEFAULT_LAYOUT);
        app.getSnippets().add(copy);
        return true;
    }

    /**
     * Replaces the main perspective of {@code window} with a fresh copy of the default layout.
     *
     * @throws IllegalStateException if no default layout was captured or the window has no perspective
     */
    public static MPerspective reset(MApplication app, MWindow window, EModelService models, EPartService parts) {
        MUIElement snippet = models.findSnippet(app, AppIds.SNIPPET_DEFAULT_LAYOUT);
        if (snippet == null) {
            throw new IllegalStateException("no default layout was captured");
        }
        List<MPerspectiveStack> stacks = models.findElements(window, null, MPerspectiveStack.class);
        if (stacks.isEmpty()) {
            throw new IllegalStateException("the window has no perspective stack");
        }
        MPerspectiveStack stack = stacks.get(0);
        MPerspective old = null;
        for (MPerspective p : stack.getChildren()) {
            if (AppIds.PERSPECTIVE_MAIN.equals(p.getElementId())) {
                old = p;
            }
        }
        MPerspective fresh = (MPerspective) models.cloneElement(snippet, null);
        fresh.setElementId(AppIds.PERSPECTIVE_MAIN);
        stack.getChildren().add(fresh);
        parts.switchPerspective(fresh);
        if (old != null) {
            old.setToBeRendered(false);
            ((MElementContainer<?>) stack).getChildren().remove(old);
        }
        return fresh;
    }
}
