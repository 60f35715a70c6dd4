package org.bmsworkbench.parameters;

import java.util.List;

/**
 * What importing a file into a sheet did.
 *
 * @param applied  whether any value was entered; false when the file was refused as a whole (another protocol,
 *                 another cell count), and then the sheet is unchanged
 * @param entered  how many values were entered
 * @param problems one line per problem, naming the parameter (or the file's field): unknown names, values out of
 *                 range, another protocol or cell count, another map version
 */
public record ImportReport(boolean applied, int entered, List<String> problems) {

    public ImportReport {
        problems = List.copyOf(problems);
    }
}
