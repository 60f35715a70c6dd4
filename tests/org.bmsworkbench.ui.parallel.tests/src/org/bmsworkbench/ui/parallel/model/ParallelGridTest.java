package org.bmsworkbench.ui.parallel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bmsworkbench.core.bus.BusView;
import org.bmsworkbench.core.bus.Overview;
import org.bmsworkbench.core.bus.PackView;
import org.bmsworkbench.events.BusState;
import org.bmsworkbench.events.BusStatus;
import org.bmsworkbench.events.PackData;
import org.bmsworkbench.events.PackLinkState;
import org.bmsworkbench.events.PackStatus;
import org.bmsworkbench.events.SelectedPack;
import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.PackSnapshot;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.ui.parallel.model.ParallelGrid.Change;
import org.junit.jupiter.api.Test;

class ParallelGridTest {

    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    private static final String BUS = "bus-1";
    private static final int SUMMARY = ParallelGrid.SUMMARY.size();

    /** A pack with typical values, {@code cells} cells at 3.300 V but cell 2 at 3.350 V and cell 3 at 3.250 V. */
    private static PackSnapshot.Builder pack(int address, int cells, int temperatures) {
        PackSnapshot.Builder b = PackSnapshot.builder(address).time(T0)
                .set(Quantity.VOLTAGE, 53.257).set(Quantity.CURRENT, -12.5).set(Quantity.SOC, 87)
                .set(Quantity.SOH, 99.5).set(Quantity.REMAINING_CAPACITY, 87.3).set(Quantity.FULL_CAPACITY, 100)
                .set(Quantity.DESIGN_CAPACITY, 100).set(Quantity.CYCLES, 123).set(Quantity.PORT_VOLTAGE, 53.1);
        for (int i = 0; i < cells; i++) {
            b.cellVoltage(i, i == 1 ? 3.350 : i == 2 ? 3.250 : 3.300);
        }
        for (int i = 0; i < temperatures; i++) {
            b.temperature(i, i == 0 ? 31.5 : i == 1 ? 18.25 : 25.0);
        }
        return b;
    }

    private static PackData data(PackSnapshot.Builder b) {
        return new PackData(BUS, b.build(), true);
    }

    private static PackView view(int address, PackLinkState state) {
        Instant answer = state == PackLinkState.OFFLINE ? null : T0;
        return new PackView(new PackStatus(BUS, address, state, answer, T0), state, answer == null ? null : Duration.ZERO);
    }

    private static int rowOf(ParallelGrid grid, GridRow row) {
        int i = grid.rows().indexOf(row);
        assertTrue(i >= 0, "no row " + row);
        return i;
    }

    private static int rowOf(ParallelGrid grid, Quantity q) {
        return rowOf(grid, GridRow.of(q));
    }

    @Test
    void aNewPollMarksOnlyTheCellsWhoseTextOrColourChanged() {
        ParallelGrid grid = new ParallelGrid();
        List<PackView> links = List.of(view(1, PackLinkState.ONLINE), view(2, PackLinkState.ONLINE));
        grid.update(BUS, List.of(data(pack(1, 16, 4)), data(pack(2, 16, 4))), links, T0, 1);
        String kept = grid.text(0, rowOf(grid, Quantity.SOC));
        // pack 1 polled again: one cell and the current differ, the rest is the same
        PackSnapshot.Builder again = pack(1, 16, 4).set(Quantity.CURRENT, -12.0).cellVoltage(5, 3.301);
        PackData one = data(again);
        PackData two = data(pack(2, 16, 4));
        assertEquals(ParallelGrid.Change.VALUES, grid.update(BUS, List.of(one, two), links, T0, 1));
        java.util.BitSet changed = grid.changedRows(0);
        assertEquals(List.of(rowOf(grid, Quantity.CURRENT), rowOf(grid, GridRow.cell(5))),
                changed.stream().boxed().toList());
        assertTrue(grid.columnChanged(0));
        assertFalse(grid.columnChanged(1), "pack 2 has the same values");
        assertEquals("-12.00", grid.text(0, rowOf(grid, Quantity.CURRENT)));
        assertEquals("3301", grid.text(0, rowOf(grid, GridRow.cell(5))));
        assertTrue(kept == grid.text(0, rowOf(grid, Quantity.SOC)), "an unchanged text is kept, not formatted again");
        // the same poll again: nothing to repaint; a new poll with the same values: no cell to repaint
        assertEquals(ParallelGrid.Change.NONE, grid.update(BUS, List.of(one, two), links, T0, 1));
        grid.update(BUS, List.of(data(again), data(pack(2, 16, 4))), links, T0, 1);
        assertFalse(grid.columnChanged(0));
        assertFalse(grid.columnChanged(1));
        // another pack selected: both columns change as a whole (their background and title)
        grid.update(BUS, List.of(data(again), two), links, T0, 2);
        assertEquals(null, grid.changedRows(0));
        assertEquals(null, grid.changedRows(1));
        // a pack that goes stale changes as a whole
        grid.update(BUS, List.of(data(again), two), List.of(view(1, PackLinkState.STALE), view(2, PackLinkState.ONLINE)),
                T0, 2);
        assertEquals(null, grid.changedRows(0));
        assertFalse(grid.columnChanged(1));
    }

    @Test
    void rowsFollowTheManualThenSensorsThenCellsOfTheLargestPack() {
        ParallelGrid grid = new ParallelGrid();
        grid.update(BUS, List.of(data(pack(1, 16, 4)), data(pack(2, 8, 2))), List.of(), T0, -1);
        assertEquals(SUMMARY + 4 + 16, grid.rowCount());
        assertEquals(GridRow.of(Quantity.VOLTAGE), grid.row(0));
        assertEquals(GridRow.of(Quantity.CURRENT), grid.row(1));
        assertEquals(GridRow.of(Quantity.INSULATION_NEGATIVE), grid.row(SUMMARY - 1));
        assertEquals(GridRow.temperature(0), grid.row(SUMMARY));
        assertEquals(GridRow.cell(0), grid.row(SUMMARY + 4));
        assertEquals("V", grid.row(0).unit());
        assertEquals("mV", grid.row(rowOf(grid, Quantity.MAX_CELL_VOLTAGE)).unit());
        assertEquals("mV", grid.row(SUMMARY + 4).unit());
        assertEquals("\u00b0C", grid.row(SUMMARY).unit());
        assertEquals("", grid.row(rowOf(grid, Quantity.CYCLES)).unit());
        assertEquals(1, grid.row(SUMMARY + 4).number());
    }

    @Test
    void oneColumnPerPackByAddressIncludingPacksThatNeverAnswered() {
        ParallelGrid grid = new ParallelGrid();
        grid.update(BUS, List.of(data(pack(3, 4, 1)), data(pack(1, 4, 1))),
                List.of(view(1, PackLinkState.ONLINE), view(2, PackLinkState.OFFLINE), view(3, PackLinkState.ONLINE)),
                T0, 3);
        assertEquals(3, grid.columnCount());
        assertEquals(List.of(1, 2, 3), grid.columns().stream().map(PackColumn::address).toList());
        assertEquals(PackLinkState.OFFLINE, grid.column(1).state());
        assertNull(grid.column(1).data());
        for (int r = 0; r < grid.rowCount(); r++) {
            assertEquals(CellStatus.ABSENT, grid.status(1, r));
            assertEquals("", grid.text(1, r));
        }
        assertTrue(grid.isSelected(2));
        assertFalse(grid.isSelected(0));
        assertEquals(2, grid.columnOf(3));
        assertEquals(2, grid.count(PackLinkState.ONLINE));
        assertEquals(1, grid.count(PackLinkState.OFFLINE));
    }

    @Test
    void textsAreInTheRowsUnitsAndAbsentValuesAreBlank() {
        ParallelGrid grid = new ParallelGrid();
        grid.update(BUS, List.of(data(pack(1, 4, 2))), List.of(view(1, PackLinkState.ONLINE)), T0, -1);
        assertEquals("53.26", grid.text(0, rowOf(grid, Quantity.VOLTAGE)));
        assertEquals("-12.50", grid.text(0, rowOf(grid, Quantity.CURRENT)));
        assertEquals("87.0", grid.text(0, rowOf(grid, Quantity.SOC)));
        assertEquals("99.5", grid.text(0, rowOf(grid, Quantity.SOH)));
        assertEquals("87.30", grid.text(0, rowOf(grid, Quantity.REMAINING_CAPACITY)));
        assertEquals("123", grid.text(0, rowOf(grid, Quantity.CYCLES)));
        assertEquals("53.10", grid.text(0, rowOf(grid, Quantity.PORT_VOLTAGE)));
        // Not reported: blank, never zero.
        assertEquals("", grid.text(0, rowOf(grid, Quantity.INSULATION_POSITIVE)));
        assertEquals(CellStatus.ABSENT, grid.status(0, rowOf(grid, Quantity.INSULATION_POSITIVE)));
        // Lowest and highest cell from the cells when the pack does not report them, in mV.
        assertEquals("3250", grid.text(0, rowOf(grid, Quantity.MIN_CELL_VOLTAGE)));
        assertEquals("3350", grid.text(0, rowOf(grid, Quantity.MAX_CELL_VOLTAGE)));
        assertEquals("3300", grid.text(0, rowOf(grid, GridRow.cell(0))));
        assertEquals("3350", grid.text(0, rowOf(grid, GridRow.cell(1))));
        assertEquals("31.5", grid.text(0, rowOf(grid, GridRow.temperature(0))));
        assertEquals("18.3", grid.text(0, rowOf(grid, GridRow.temperature(1))));
        assertEquals(3.35, grid.value(0, rowOf(grid, GridRow.cell(1))), 1e-9);
    }

    @Test
    void reportedCellExtremesWinOverTheComputedOnes() {
        ParallelGrid grid = new ParallelGrid();
        grid.update(BUS, List.of(data(pack(1, 4, 0).set(Quantity.MAX_CELL_VOLTAGE, 3.401))), List.of(), T0, -1);
        assertEquals("3401", grid.text(0, rowOf(grid, Quantity.MAX_CELL_VOLTAGE)));
    }

    @Test
    void formatsWithoutStringFormat() {
        assertEquals("0.00", ParallelGrid.format(-0.001, 2));
        assertEquals("12", ParallelGrid.format(12.3456, 0));
        assertEquals("-3.142", ParallelGrid.format(-3.14159, 3));
        assertEquals("0.05", ParallelGrid.format(0.05, 2));
        assertEquals("100.0", ParallelGrid.format(99.96, 1));
        assertEquals("-1", ParallelGrid.format(-0.5, 0));
        assertEquals("3313", ParallelGrid.format(3312.5, 0));
    }

    @Test
    void overVoltageFlagColoursTheHighestCellAndTheMaxRow() {
        ParallelGrid grid = new ParallelGrid();
        grid.update(BUS, List.of(data(pack(1, 4, 0).flag(PackFlag.CELL_OV, true))), List.of(), T0, -1);
        assertEquals(CellStatus.ALARM, grid.status(0, rowOf(grid, GridRow.cell(1))));
        assertEquals(CellStatus.NORMAL, grid.status(0, rowOf(grid, GridRow.cell(0))));
        assertEquals(CellStatus.NORMAL, grid.status(0, rowOf(grid, GridRow.cell(2))));
        assertEquals(CellStatus.ALARM, grid.status(0, rowOf(grid, Quantity.MAX_CELL_VOLTAGE)));
        assertEquals(CellStatus.NORMAL, grid.status(0, rowOf(grid, Quantity.MIN_CELL_VOLTAGE)));
        assertEquals(CellStatus.NORMAL, grid.status(0, rowOf(grid, Quantity.VOLTAGE)));
    }

    @Test
    void underVoltageProtectionColoursTheLowestCellAndTheMinRow() {
        ParallelGrid grid = new ParallelGrid();
        grid.update(BUS, List.of(data(pack(1, 4, 0).flag(PackFlag.CELL_UVP, true))), List.of(), T0, -1);
        assertEquals(CellStatus.ALARM, grid.status(0, rowOf(grid, GridRow.cell(2))));
        assertEquals(CellStatus.NORMAL, grid.status(0, rowOf(grid, GridRow.cell(1))));
        assertEquals(CellStatus.ALARM, grid.status(0, rowOf(grid, Quantity.MIN_CELL_VOLTAGE)));
        assertEquals(CellStatus.NORMAL, grid.status(0, rowOf(grid, Quantity.MAX_CELL_VOLTAGE)));
    }

    @Test
    void packCurrentSocAndTemperatureFlagsColourTheirRows() {
        ParallelGrid grid = new ParallelGrid();
        PackSnapshot.Builder b = pack(1, 4, 3).flag(PackFlag.PACK_OV, true).flag(PackFlag.DSG_OCP_1, true)
                .flag(PackFlag.SOC_LOW, true).flag(PackFlag.CHG_OT, true);
        grid.update(BUS, List.of(data(b), data(pack(2, 4, 3))), List.of(), T0, -1);
        assertEquals(CellStatus.ALARM, grid.status(0, rowOf(grid, Quantity.VOLTAGE)));
        assertEquals(CellStatus.ALARM, grid.status(0, rowOf(grid, Quantity.CURRENT)));
        assertEquals(CellStatus.ALARM, grid.status(0, rowOf(grid, Quantity.SOC)));
        assertEquals(CellStatus.ALARM, grid.status(0, rowOf(grid, GridRow.temperature(0))), "the hottest sensor");
        assertEquals(CellStatus.NORMAL, grid.status(0, rowOf(grid, GridRow.temperature(1))));
        assertEquals(CellStatus.NORMAL, grid.status(0, rowOf(grid, Quantity.SOH)));
        assertEquals(CellStatus.NORMAL, grid.status(0, rowOf(grid, GridRow.cell(1))), "no cell flag is on");
        // The other pack raised nothing.
        for (int r = 0; r < grid.rowCount(); r++) {
            CellStatus s = grid.status(1, r);
            assertTrue(s == CellStatus.NORMAL || s == CellStatus.ABSENT, grid.row(r) + " " + s);
        }
    }

    @Test
    void underTemperatureColoursTheColdestSensor() {
        ParallelGrid grid = new ParallelGrid();
        grid.update(BUS, List.of(data(pack(1, 0, 3).flag(PackFlag.CELL_UT, true))), List.of(), T0, -1);
        assertEquals(CellStatus.ALARM, grid.status(0, rowOf(grid, GridRow.temperature(1))));
        assertEquals(CellStatus.NORMAL, grid.status(0, rowOf(grid, GridRow.temperature(0))));
    }

    @Test
    void valuesThatCannotBeRightAreOutOfRangeEvenInAlarm() {
        ParallelGrid grid = new ParallelGrid();
        PackSnapshot.Builder b = pack(1, 4, 3).set(Quantity.SOC, 104).set(Quantity.REMAINING_CAPACITY, -1)
                .cellVoltage(0, 5.3).cellVoltage(3, 0.4).temperature(2, -45).flag(PackFlag.CELL_OV, true)
                .set(Quantity.SOH, 100).set(Quantity.CYCLES, 0);
        grid.update(BUS, List.of(data(b)), List.of(), T0, -1);
        assertEquals(CellStatus.OUT_OF_RANGE, grid.status(0, rowOf(grid, Quantity.SOC)));
        assertEquals(CellStatus.OUT_OF_RANGE, grid.status(0, rowOf(grid, Quantity.REMAINING_CAPACITY)));
        assertEquals(CellStatus.OUT_OF_RANGE, grid.status(0, rowOf(grid, GridRow.cell(0))), "5.3 V, also the highest");
        assertEquals(CellStatus.OUT_OF_RANGE, grid.status(0, rowOf(grid, GridRow.cell(3))));
        assertEquals(CellStatus.OUT_OF_RANGE, grid.status(0, rowOf(grid, GridRow.temperature(2))));
        assertEquals(CellStatus.OUT_OF_RANGE, grid.status(0, rowOf(grid, Quantity.MAX_CELL_VOLTAGE)));
        assertEquals(CellStatus.NORMAL, grid.status(0, rowOf(grid, Quantity.SOH)), "100 % is a true value");
        assertEquals(CellStatus.NORMAL, grid.status(0, rowOf(grid, Quantity.CYCLES)));
        assertEquals(CellStatus.NORMAL, grid.status(0, rowOf(grid, GridRow.cell(1))));
    }

    @Test
    void outOfRangeLimits() {
        assertFalse(ParallelGrid.outOfRange(GridRow.cell(0), 1.0));
        assertFalse(ParallelGrid.outOfRange(GridRow.cell(0), 5.0));
        assertTrue(ParallelGrid.outOfRange(GridRow.cell(0), 5.001));
        assertFalse(ParallelGrid.outOfRange(GridRow.temperature(0), -40));
        assertTrue(ParallelGrid.outOfRange(GridRow.temperature(0), 120.5));
        assertTrue(ParallelGrid.outOfRange(GridRow.of(Quantity.SOH), -0.1));
        assertTrue(ParallelGrid.outOfRange(GridRow.of(Quantity.DESIGN_CAPACITY), -5));
        assertTrue(ParallelGrid.outOfRange(GridRow.of(Quantity.VOLTAGE), -1));
        assertFalse(ParallelGrid.outOfRange(GridRow.of(Quantity.PORT_VOLTAGE), -53), "a reversed charger");
        assertFalse(ParallelGrid.outOfRange(GridRow.of(Quantity.CURRENT), -300));
    }

    @Test
    void everyValueOfAStaleOrOfflinePackIsMarkedNotCurrent() {
        ParallelGrid grid = new ParallelGrid();
        grid.update(BUS, List.of(data(pack(1, 4, 1).flag(PackFlag.PACK_OV, true)), data(pack(2, 4, 1))),
                List.of(view(1, PackLinkState.STALE), view(2, PackLinkState.OFFLINE)), T0, -1);
        for (int c = 0; c < 2; c++) {
            for (int r = 0; r < grid.rowCount(); r++) {
                CellStatus s = grid.status(c, r);
                assertTrue(s == CellStatus.STALE || s == CellStatus.ABSENT, grid.row(r) + " " + s);
            }
            assertEquals(CellStatus.STALE, grid.status(c, rowOf(grid, Quantity.VOLTAGE)));
            assertEquals("53.26", grid.text(c, rowOf(grid, Quantity.VOLTAGE)), "the last value is still shown");
        }
        assertEquals(PackLinkState.STALE, grid.column(0).state());
        assertEquals(PackLinkState.OFFLINE, grid.column(1).state());
    }

    @Test
    void linkStateNeverCallsAnOldSnapshotCurrent() {
        Instant now = T0.plusSeconds(11);
        assertEquals(PackLinkState.STALE, ParallelGrid.linkState(PackLinkState.ONLINE, T0, now));
        assertEquals(PackLinkState.ONLINE, ParallelGrid.linkState(PackLinkState.ONLINE, T0, T0.plusSeconds(10)));
        assertEquals(PackLinkState.ONLINE, ParallelGrid.linkState(null, T0, T0.plusSeconds(2)), "unknown to the registry");
        assertEquals(PackLinkState.STALE, ParallelGrid.linkState(null, T0, now));
        assertEquals(PackLinkState.OFFLINE, ParallelGrid.linkState(PackLinkState.OFFLINE, T0, T0));
        assertEquals(PackLinkState.STALE, ParallelGrid.linkState(PackLinkState.STALE, T0, T0));
        assertEquals(PackLinkState.OFFLINE, ParallelGrid.linkState(null, null, T0));
        assertEquals(PackLinkState.ONLINE, ParallelGrid.linkState(PackLinkState.ONLINE, null, T0));
    }

    @Test
    void aSilentPackTurnsStaleAsTimePasses() {
        ParallelGrid grid = new ParallelGrid();
        List<PackData> packs = List.of(data(pack(1, 4, 1)));
        grid.update(BUS, packs, List.of(), T0.plusSeconds(1), -1);
        assertEquals(CellStatus.NORMAL, grid.status(0, 0));
        assertEquals(Change.VALUES, grid.update(BUS, packs, List.of(), T0.plusSeconds(12), -1));
        assertEquals(CellStatus.STALE, grid.status(0, 0));
    }

    @Test
    void reportsWhatChangedSoTheTableRefreshesNoMoreThanNeeded() {
        ParallelGrid grid = new ParallelGrid();
        List<PackView> views = List.of(view(1, PackLinkState.ONLINE), view(2, PackLinkState.ONLINE));
        List<PackData> first = List.of(data(pack(1, 8, 2)), data(pack(2, 8, 2)));
        assertEquals(Change.ROWS_AND_COLUMNS, grid.update(BUS, first, views, T0, -1));
        assertEquals(Change.NONE, grid.update(BUS, first, views, T0, -1), "same polls, same states");
        List<PackData> second = List.of(first.get(0), data(pack(2, 8, 2).set(Quantity.CURRENT, 3)));
        assertEquals(Change.VALUES, grid.update(BUS, second, views, T0, -1));
        assertEquals(Change.VALUES, grid.update(BUS, second, views, T0, 2), "another selected pack");
        assertEquals(Change.VALUES, grid.update(BUS, second,
                List.of(view(1, PackLinkState.ONLINE), view(2, PackLinkState.STALE)), T0, 2), "a state changed");
        List<PackData> moreCells = List.of(first.get(0), data(pack(2, 16, 2)));
        assertEquals(Change.ROWS, grid.update(BUS, moreCells, views, T0, 2));
        List<PackData> thirdPack = new ArrayList<>(moreCells);
        thirdPack.add(data(pack(3, 16, 2)));
        assertEquals(Change.COLUMNS, grid.update(BUS, thirdPack, views, T0, 2));
        assertEquals(3, grid.columnCount());
        assertEquals(Change.ROWS_AND_COLUMNS, grid.update("bus-2", List.of(), List.of(), T0, -1));
        assertEquals(0, grid.columnCount());
        assertEquals(SUMMARY, grid.rowCount());
    }

    @Test
    void aSummaryOnlyPollKeepsTheRowsAndLeavesItsCellsBlank() {
        ParallelGrid grid = new ParallelGrid();
        grid.update(BUS, List.of(data(pack(1, 16, 4))), List.of(), T0, -1);
        PackSnapshot summaryOnly = PackSnapshot.builder(1).time(T0.plusSeconds(1)).set(Quantity.VOLTAGE, 53.0).build();
        Change change = grid.update(BUS, List.of(new PackData(BUS, summaryOnly, false)), List.of(), T0.plusSeconds(1), -1);
        assertEquals(Change.VALUES, change);
        assertEquals(SUMMARY + 4 + 16, grid.rowCount());
        assertEquals("", grid.text(0, rowOf(grid, GridRow.cell(0))));
        assertEquals(CellStatus.ABSENT, grid.status(0, rowOf(grid, GridRow.cell(0))));
        assertEquals("53.00", grid.text(0, 0));
    }

    @Test
    void textsAreFormattedOnceAndAgainAfterTheNextPoll() {
        ParallelGrid grid = new ParallelGrid();
        PackData d = data(pack(1, 4, 1));
        grid.update(BUS, List.of(d), List.of(), T0, -1);
        String first = grid.text(0, 0);
        assertSame(first, grid.text(0, 0));
        grid.update(BUS, List.of(d), List.of(), T0, 1);
        assertSame(first, grid.text(0, 0), "only the selection changed");
        grid.update(BUS, List.of(data(pack(1, 4, 1).set(Quantity.VOLTAGE, 52.0))), List.of(), T0, 1);
        assertNotSame(first, grid.text(0, 0));
        assertEquals("52.00", grid.text(0, 0));
    }

    @Test
    void ignoresPacksOfOtherBuses() {
        ParallelGrid grid = new ParallelGrid();
        PackData other = new PackData("bus-9", pack(5, 4, 1).build(), true);
        grid.update(BUS, List.of(data(pack(1, 4, 1)), other), List.of(), T0, -1);
        assertEquals(1, grid.columnCount());
        assertEquals(1, grid.column(0).address());
    }

    @Test
    void showsTheSelectedPacksBusOrTheFirstBusWithPacks() {
        BusStatus empty = new BusStatus("bus-0", "", "", BusState.OPEN, "", T0);
        BusStatus withPacks = new BusStatus(BUS, "", "", BusState.OPEN, "", T0);
        Overview overview = new Overview(3, T0,
                List.of(new BusView(empty, List.of()), new BusView(withPacks, List.of(view(1, PackLinkState.ONLINE)))));
        assertEquals("bus-7", ParallelGrid.busToShow(Optional.of(new SelectedPack("bus-7", 2, false, T0)), overview));
        assertEquals(BUS, ParallelGrid.busToShow(Optional.empty(), overview));
        assertNull(ParallelGrid.busToShow(Optional.empty(), new Overview(0, T0, List.of())));
        assertEquals(1, ParallelGrid.packsOf(overview, BUS).size());
        assertTrue(ParallelGrid.packsOf(overview, "bus-7").isEmpty());
    }

    @Test
    void sixteenPacksOf176CellsAreReadyInOnePass() {
        ParallelGrid grid = new ParallelGrid();
        List<PackData> packs = new ArrayList<>();
        for (int a = 1; a <= 16; a++) {
            packs.add(data(pack(a, PackSnapshot.MAX_CELLS, PackSnapshot.MAX_TEMPERATURES)));
        }
        grid.update(BUS, packs, List.of(), T0, 1);
        assertEquals(SUMMARY + PackSnapshot.MAX_TEMPERATURES + PackSnapshot.MAX_CELLS, grid.rowCount());
        assertEquals(16, grid.columnCount());
        for (int c = 0; c < grid.columnCount(); c++) {
            for (int r = 0; r < grid.rowCount(); r++) {
                grid.text(c, r);
                grid.status(c, r);
            }
        }
        assertEquals("3300", grid.text(15, grid.rowCount() - 1));
    }
}
