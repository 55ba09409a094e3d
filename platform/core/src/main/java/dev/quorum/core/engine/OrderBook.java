package dev.quorum.core.engine;

import java.util.HashMap;
import java.util.Map;

import dev.quorum.api.ExitReason;

/**
 * The engine's own record of the orders it has sent: their ids, numbered from 1 in the order they were
 * made (so an order id says which came first), what each one is for, and why a market exit closes its
 * position. An order is forgotten once it has filled in full or is cancelled.
 */
final class OrderBook {

    /** What an order is for. */
    enum Role {
        ENTRY, MARKET_EXIT, STOP_LOSS, TAKE_PROFIT, HEDGE_OPEN, HEDGE_CLOSE;

        /** @return whether the order opens or closes a hedge rather than works on the position */
        boolean isHedge() {
            return this == HEDGE_OPEN || this == HEDGE_CLOSE;
        }
    }

    private final Map<Long, Role> roles = new HashMap<>();
    private final Map<Long, ExitReason> exitReasons = new HashMap<>();
    private long nextId = 1;

    /**
     * @param role what the order is for
     * @return the new order's id
     */
    long add(Role role) {
        long id = nextId++;
        roles.put(id, role);
        return id;
    }

    /**
     * @param reason why the market exit closes its position
     * @return the new exit order's id
     */
    long addExit(ExitReason reason) {
        long id = add(Role.MARKET_EXIT);
        exitReasons.put(id, reason);
        return id;
    }

    /** @return an id for a fill the engine makes itself (the end-of-data close), never a working order */
    long nextId() {
        return nextId++;
    }

    /**
     * @param id an order id
     * @return what it is for, or null for an order the engine does not know (any more)
     */
    Role role(long id) {
        return roles.get(id);
    }

    /**
     * @param id a market exit's id
     * @return why it closes its position
     */
    ExitReason exitReason(long id) {
        return exitReasons.get(id);
    }

    /**
     * Forgets an order: it filled in full or was cancelled.
     *
     * @param id the order id
     */
    void remove(long id) {
        roles.remove(id);
        exitReasons.remove(id);
    }

    /** Forgets every order (end of data). */
    void clear() {
        roles.clear();
        exitReasons.clear();
    }
}
