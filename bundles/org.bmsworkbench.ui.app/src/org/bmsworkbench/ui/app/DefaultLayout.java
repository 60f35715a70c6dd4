package org.bmsworkbench.ui.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.model.application.ui.MElementContainer;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
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

    /**
     * Opens every view whose descriptor is tagged {@value AppIds#TAG_OPEN_BY_DEFAULT} in the stack its category
     * names, once per workspace: a view the user closed stays closed, a view from a newly installed plug-in
     * appears. Views are added to the default layout too, so Reset Layout keeps them.
     *
     * @return the ids of the views placed now
     */
    public static List<String> placeDefaultViews(MApplication app, EModelService models) {
        Set<String> placed = new LinkedHashSet<>(split(app.getPersistedState().get(AppIds.STATE_PLACED_VIEWS)));
        MUIElement snippet = models.findSnippet(app, AppIds.SNIPPET_DEFAULT_LAYOUT);
        List<String> now = new ArrayList<>();
        for (MPartDescriptor descriptor : app.getDescriptors()) {
            String id = descriptor.getElementId();
            if (!descriptor.getTags().contains(AppIds.TAG_OPEN_BY_DEFAULT) || descriptor.getCategory() == null
                    || placed.contains(id)) {
                continue;
            }
            if (addTo(app, descriptor, models)) {
                if (snippet != null) {
                    addTo(snippet, descriptor, models);
                }
                placed.add(id);
                now.add(id);
            }
        }
        app.getPersistedState().put(AppIds.STATE_PLACED_VIEWS, String.join(",", placed));
        return now;
    }

    private static boolean addTo(MUIElement root, MPartDescriptor descriptor, EModelService models) {
        if (!models.findElements(root, descriptor.getElementId(), MPart.class).isEmpty()) {
            return true;
        }
        List<MPartStack> stacks = models.findElements(root, null, MPartStack.class,
                List.of(descriptor.getCategory()));
        if (stacks.isEmpty()) {
            return false;
        }
        MPart part = models.createPart(descriptor);
        part.getTags().remove(EPartService.REMOVE_ON_HIDE_TAG);
        stacks.get(0).getChildren().add(part);
        if (stacks.get(0).getSelectedElement() == null) {
            stacks.get(0).setSelectedElement(part);
        }
        return true;
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
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
