package org.bmsworkbench.ui.app;

/** Element ids of the application model that code refers to; they must match {@code Application.e4xmi}. */
public final class AppIds {

    public static final String WINDOW_MAIN = "org.bmsworkbench.window.main";
    public static final String PERSPECTIVE_MAIN = "org.bmsworkbench.perspective.main";
    public static final String STACK_MAIN = "org.bmsworkbench.ui.stack.main";
    public static final String STACK_BOTTOM = "org.bmsworkbench.ui.stack.bottom";
    public static final String COMMAND_SHOW_VIEW = "org.bmsworkbench.command.showView";
    public static final String PARAM_PART_ID = "org.bmsworkbench.command.showView.partId";
    public static final String COMMAND_LANGUAGE = "org.bmsworkbench.command.language";
    public static final String PARAM_LOCALE = "org.bmsworkbench.command.language.locale";
    public static final String COMMAND_RESET_LAYOUT = "org.bmsworkbench.command.resetLayout";
    public static final String MENU_LANGUAGE = "org.bmsworkbench.menu.tools.language";
    public static final String MENU_CONNECTION = "org.bmsworkbench.menu.connection";

    /** Tag on part descriptors that the View menu lists. */
    public static final String TAG_VIEW = "bmsw:view";

    /** Tag on part descriptors whose view opens in its category's stack on first start. */
    public static final String TAG_OPEN_BY_DEFAULT = "bmsw:open-by-default";

    /** Application persisted-state key listing the default views already placed once. */
    public static final String STATE_PLACED_VIEWS = "org.bmsworkbench.placedViews";

    /** Persisted state of the main window, set once it has been sized to the monitor of a first start. */
    public static final String STATE_WINDOW_PLACED = "org.bmsworkbench.windowPlaced";

    /** Id of the snippet that keeps a copy of the default perspective for View &gt; Reset Layout. */
    public static final String SNIPPET_DEFAULT_LAYOUT = "org.bmsworkbench.snippet.defaultLayout";

    private AppIds() {
    }
}
