package org.bmsworkbench.parameters;

import java.util.List;

/**
 * One reason a sheet cannot be written: a row's value outside its range, off its resolution or not one of its
 * choices, or a broken relation between two rows.
 *
 * @param keys    the rows it concerns (one, or both rows of a relation), for marking them
 * @param message one line for the person, in English, naming the row(s) and what must change
 */
public record SheetProblem(List<String> keys, String message) {

    public SheetProblem {
        keys = List.copyOf(keys);
    }
}
