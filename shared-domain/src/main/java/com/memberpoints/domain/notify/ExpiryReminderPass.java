package com.memberpoints.domain.notify;

import com.memberpoints.domain.ledger.ExpiringLot;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.ledger.WalletState;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.settings.ExpiryReminders;
import com.memberpoints.domain.settings.SettingsStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The expiry-reminder pass of the hourly sweep (issue 12 item 2). For a merchant with reminders on, a lot expiring on
 * a local date at most {@code daysBefore} calendar days after today (store zone) is due a reminder. The pass walks
 * the ledger's expiry index (wallets by their soonest lot) over {@code [from, upper)}: {@code upper} is the start of
 * local day {@code today + daysBefore + 1}, {@code from} is where the previous pass stopped ({@link ReminderProgress},
 * never before now), so each index position is read by one pass and the reads grow with the members to remind, never
 * with all members. A wallet listed is read once; every lot of it that expires after now and before {@code upper}
 * gets its marker ({@link ExpiryReminderStore#record}, a conditional create). The pass only writes markers: a new
 * marker is the outbox entry of its messages (the table's stream hands it to {@link NotificationDispatcher#remind},
 * one delivery claim per channel), so the sweep never waits on SES/SNS rates, and however many passes meet a lot (a
 * retry after a crash, overlapping runs, a wallet listed again) each channel sends once per member, wallet and
 * expiry instant.
 *
 * <p>Changing {@code daysBefore}: widening moves {@code upper} ahead and the next pass walks the gap (the lots now in
 * the window are reminded at once: nothing lost); narrowing leaves {@code upper} behind {@code from} and passes do
 * nothing until the days catch up (what was reminded stays reminded, nothing twice). Turning reminders off stops the
 * passes; turning them on again walks from {@code max(progress, now)}. A walk stops after {@code maxWallets} at a
 * page boundary and saves its index cursor; the next pass continues it.
 */
public final class ExpiryReminderPass {
    private static final int PAGE = 100;

    /** What one pass did for one merchant. {@code complete} is false when it stopped at its limit with work left. */
    public record PassReport(boolean enabled, int walletsRead, int reminded, int alreadyReminded, boolean complete) {
        public static final PassReport OFF = new PassReport(false, 0, 0, 0, true);
    }

    private final MerchantStore merchants;
    private final SettingsStore settings;
    private final LedgerStore ledger;
    private final ExpiryReminderStore reminders;

    public ExpiryReminderPass(MerchantStore merchants, SettingsStore settings, LedgerStore ledger,
                              ExpiryReminderStore reminders) {
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.reminders = Objects.requireNonNull(reminders, "reminders");
    }

    /**
     * The end (exclusive) of the reminder window at {@code now}: the start of the local day {@code daysBefore + 1}
     * days after today in {@code zone}.
     */
    public static Instant windowEnd(Instant now, ExpiryReminders choice, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return today.plusDays(choice.daysBefore() + 1L).atStartOfDay(zone).toInstant();
    }

    /** The first instant at which a lot expiring at {@code expiresAt} is due its reminder (start of its local day). */
    public static Instant dueAt(Instant expiresAt, ExpiryReminders choice, ZoneId zone) {
        return LocalDate.ofInstant(expiresAt, zone).minusDays(choice.daysBefore()).atStartOfDay(zone).toInstant();
    }

    /**
     * When this merchant's passes next have work: the due instant of the first index entry at or after where the
     * passes got to; empty with reminders off or nothing expiring before {@code horizon}.
     */
    public Optional<Instant> nextDue(MerchantId merchant, Instant now, Instant horizon) {
        ExpiryReminders choice = settings.currentOrDefaults(merchant).expiryReminders();
        Optional<Merchant> store = merchants.find(merchant);
        if (!choice.enabled() || store.isEmpty()) {
            return Optional.empty();
        }
        Instant from = reminders.progress(merchant).map(ReminderProgress::from).filter(f -> f.isAfter(now)).orElse(now);
        if (!from.isBefore(horizon)) {
            return Optional.empty();
        }
        return ledger.expiring(merchant, from, horizon, PageRequest.first(1)).items().stream().findFirst()
                .map(lot -> dueAt(lot.expiresAt(), choice, store.get().zone()));
    }

    /**
     * The reminder window of {@code merchant} at {@code now} (what a pass or a reminder walk at that instant reminds:
     * lots expiring after {@code now} and before {@link #windowEnd}); empty with reminders off.
     */
    public record Window(MerchantId merchant, Instant now, Instant upper, int daysBefore, NotifyChoice channels) {
        public Window {
            Objects.requireNonNull(merchant, "merchant");
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(upper, "upper");
            Objects.requireNonNull(channels, "channels");
        }
    }

    /** What reminding one wallet wrote: markers created, and markers found already written (nothing sent twice). */
    public record Marked(int created, int already) {}

    /** The window at {@code now} from the merchant's current settings; empty with reminders off. */
    public Optional<Window> window(MerchantId merchant, Instant now) {
        ExpiryReminders choice = settings.currentOrDefaults(merchant).expiryReminders();
        if (!choice.enabled()) {
            return Optional.empty();
        }
        Merchant store = merchants.find(merchant).orElseThrow(
                () -> new com.memberpoints.domain.merchant.UnknownMerchantException(merchant));
        return Optional.of(new Window(merchant, now, windowEnd(now, choice, store.zone()), choice.daysBefore(),
                new NotifyChoice(choice.email(), choice.sms())));
    }

    /**
     * Reads the wallet an index entry lists and writes the marker of every lot of it in {@code window} (a conditional
     * create: a lot met again, by this pass, another run or a reminder walk, is counted as already reminded). The
     * one per-lot rule of the pass and of the reminder walks ({@code domain.sweep.ExpiryWalker}).
     */
    public Marked remindWallet(ExpiringLot listed, Window window) {
        WalletState wallet = ledger.wallet(listed.wallet());
        int created = 0;
        int already = 0;
        for (Lot lot : wallet.lots().asList()) {
            Optional<Instant> at = lot.expiresAt();
            if (at.isEmpty() || !at.get().isAfter(window.now()) || !at.get().isBefore(window.upper())
                    || lot.amount() <= 0) {
                continue;
            }
            ExpiryReminderStore.Recorded recorded = reminders.record(new ExpiryReminder(listed.wallet(), at.get(),
                    lot.amount(), wallet.balance(), window.now(), window.daysBefore(), window.channels()));
            if (recorded.created()) {
                created++;
            } else {
                already++;
            }
        }
        return new Marked(created, already);
    }

    /**
     * Records that reminder walks over every part of the expiry index cover the window at {@code now} (issue 16
     * change 7b): the passes go on from the window's end, so they do not re-read what the walks remind.
     */
    public void handOver(MerchantId merchant, Instant now) {
        window(merchant, now).ifPresent(w -> reminders.saveProgress(merchant, ReminderProgress.upTo(w.upper())));
    }

    /** Reminds the members of {@code merchant} whose lots entered the window since the last pass. */
    public PassReport run(MerchantId merchant, Instant now, int maxWallets) {
        return run(merchant, now, maxWallets, () -> true);
    }

    /**
     * The same, asking {@code proceed} once before the first index page is read (only when the window has something
     * left to read: not when reminders are off or the passes are already at the window's end); when it answers false
     * the pass reads and writes nothing, keeps its progress and reports {@code complete=false} (the hourly run yields to
     * live reminder walks, docs/decisions.md "S4 The hourly run yields to live walks").
     */
    public PassReport run(MerchantId merchant, Instant now, int maxWallets, BooleanSupplier proceed) {
        Objects.requireNonNull(proceed, "proceed");
        Optional<Window> open = window(merchant, now);
        if (open.isEmpty()) {
            return PassReport.OFF;
        }
        Window window = open.get();
        Instant upper = window.upper();
        ReminderProgress progress = reminders.progress(merchant).orElse(ReminderProgress.upTo(now));
        Instant from = progress.from();
        Optional<String> cursor = progress.cursor();
        Instant position = progress.position();
        if (cursor.isPresent() && !position.isBefore(upper)) {
            return new PassReport(true, 0, 0, 0, true); // a narrowed window: that walk already passed it
        }
        if (cursor.isEmpty() || position.isBefore(now)) {
            cursor = Optional.empty(); // what lies before now has expired: no reminder is due any more
            from = from.isAfter(now) ? from : now;
        }
        if (!from.isBefore(upper)) {
            return new PassReport(true, 0, 0, 0, true); // narrowed: nothing new enters until the days catch up
        }
        if (!proceed.getAsBoolean()) {
            return new PassReport(true, 0, 0, 0, false);
        }
        int read = 0;
        int reminded = 0;
        int again = 0;
        do {
            if (read >= maxWallets) {
                reminders.saveProgress(merchant, new ReminderProgress(from, cursor, position));
                return new PassReport(true, read, reminded, again, false);
            }
            Page<ExpiringLot> page = ledger.expiring(merchant, from, upper, new PageRequest(cursor, PAGE));
            for (ExpiringLot listed : page.items()) {
                read++;
                position = listed.expiresAt();
                Marked marked = remindWallet(listed, window);
                reminded += marked.created();
                again += marked.already();
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        reminders.saveProgress(merchant, ReminderProgress.upTo(upper));
        return new PassReport(true, read, reminded, again, true);
    }
}
