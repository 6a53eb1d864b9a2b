package com.memberpoints.functions.admin;

import com.memberpoints.domain.membercenter.MemberCenter;

import com.memberpoints.domain.bulk.BulkAssignments;
import com.memberpoints.domain.staff.PointsAdjustments;
import com.memberpoints.domain.staff.StoreSpend;
import com.memberpoints.domain.settings.SettingsAdmin;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.bulk.BulkJobQueue;
import com.memberpoints.domain.bulk.BulkJobStore;
import com.memberpoints.domain.model.IdSource;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.order.OrderStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.functions.platform.http.ApiException;

import java.util.Objects;

/**
 * TEMPORARY bundle of the admin ports and services, still taken by the two member view handlers owned by the domain
 * restructure (MemberPointsHandler, MemberHistoryHandler) and used by the admin tests' world; every other admin
 * handler takes its one domain service (from {@code Wiring} in Lambda). What the admin handlers stood on: the ports and the domain application services built over them, once
 * per container ({@code Wiring.admin()}) or per test.
 */
public record AdminServices(
        LedgerStore ledger,
        MemberStore members,
        MerchantStore merchants,
        SettingsStore settingsStore,
        OrderStore orders,
        BulkJobStore jobs,
        BulkJobQueue queue,
        TimeSource clock,
        IdSource ids,
        com.memberpoints.domain.staff.ReceiptStore receipts) {

    /** The bundle with in-store receipts listed in memory (the component list before issue 11 item 4). */
    public AdminServices(LedgerStore ledger, MemberStore members, MerchantStore merchants, SettingsStore settingsStore,
                         OrderStore orders, BulkJobStore jobs, BulkJobQueue queue, TimeSource clock, IdSource ids) {
        this(ledger, members, merchants, settingsStore, orders, jobs, queue, clock, ids,
                new com.memberpoints.domain.inmemory.InMemoryReceiptStore());
    }

    public AdminServices {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(merchants, "merchants");
        Objects.requireNonNull(settingsStore, "settingsStore");
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(receipts, "receipts");
    }

    public SettingsAdmin settings() {
        return new SettingsAdmin(settingsStore, merchants, clock);
    }

    public MemberCenter memberCenter() {
        return new MemberCenter(ledger, settingsStore, merchants, members, orders, clock);
    }

    public PointsAdjustments adjustments() {
        return new PointsAdjustments(ledger, members, merchants, settingsStore, clock);
    }

    public BulkAssignments bulk() {
        return new BulkAssignments(ledger, members, merchants, settingsStore, jobs, queue, clock, ids);
    }

    /** The caller's store profile; a store with none set up answers 409 telling the admin to set it first. */
    public Merchant merchant(MerchantId id) {
        return AdminJson.store(merchants, id);
    }

    /** See {@link AdminJson#storeNotConfigured()}. */
    public static ApiException storeNotConfigured() {
        return AdminJson.storeNotConfigured();
    }

    public StoreSpend storeSpend() {
        return new StoreSpend(ledger, members, merchants, settingsStore, receipts, clock);
    }

    public com.memberpoints.domain.staff.PosRedemptions posRedemptions() {
        return new com.memberpoints.domain.staff.PosRedemptions(ledger, members, merchants, settingsStore, receipts,
                clock);
    }

    /** Manual store-credit adjustments (issue 11.2). */
    public com.memberpoints.domain.staff.CreditAdjustments creditAdjustments() {
        return new com.memberpoints.domain.staff.CreditAdjustments(ledger, members, merchants, settingsStore, clock);
    }
}
