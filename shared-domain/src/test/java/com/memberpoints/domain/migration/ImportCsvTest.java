package com.memberpoints.domain.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.ledger.Wallet;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportCsvTest {
    static final Currency TWD = Currency.getInstance("TWD");
    static final Currency JPY = Currency.getInstance("JPY");
    static final LocalDate TODAY = LocalDate.parse("2026-03-01");

    static ImportCsv.Result.Parsed parsed(String text) {
        return (ImportCsv.Result.Parsed) ImportCsv.parse(text, TWD, TODAY);
    }

    @Test
    void readsPointsAndCreditsRowsWithTheirExpiry() {
        var p = parsed(ImportCsv.HEADER + "\r\nalice,points,1200,2026-12-31,from OldLoyalty\nbob,CREDITS,12.5,never,"
                + "\"moved, with a comma\"\n");
        assertThat(p.errors()).isZero();
        assertThat(p.lines()).extracting(l -> l.valid().orElseThrow()).containsExactly(
                new ImportRow(2, com.memberpoints.domain.model.MemberId.of("alice"), Wallet.POINTS, 1200,
                        Optional.of(LocalDate.parse("2026-12-31")), "from OldLoyalty"),
                new ImportRow(3, com.memberpoints.domain.model.MemberId.of("bob"), Wallet.CREDITS, 1250,
                        Optional.empty(), "moved, with a comma"));
        assertThat(p.digest()).hasSize(32).isEqualTo(ImportCsv.digest(ImportCsv.HEADER
                + "\r\nalice,points,1200,2026-12-31,from OldLoyalty\nbob,CREDITS,12.5,never,\"moved, with a comma\"\n"));
    }

    @Test
    void eachBadRowIsAnErrorNamingItsRowAndColumn() {
        var p = parsed(String.join("\n", ImportCsv.HEADER,
                "alice,points,0,never,r",            // 2
                "bob,points,12.5,never,r",           // 3
                "carol,gold,5,never,r",              // 4
                "dave,points,5,2026-02-28,r",        // 5 past
                "erin,points,5,31/12/2026,r",        // 6
                "frank,points,5,never,",             // 7 no reason
                "bad id!,points,5,never,r",          // 8
                "gina,points,5,never",               // 9 four columns
                "",                                  // 10 blank: skipped
                "hank,credits,1.234,never,r",        // 11 too many decimals for TWD
                "ivan,points,5,2026-03-01,r"));      // 12 today is fine
        assertThat(p.lines()).extracting(ImportLine::row, ImportLine::error).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "amount: must be a whole number of points from 1 to 100000000"),
                org.assertj.core.groups.Tuple.tuple(3, "amount: must be a whole number of points from 1 to 100000000"),
                org.assertj.core.groups.Tuple.tuple(4, "wallet: must be points or credits"),
                org.assertj.core.groups.Tuple.tuple(5, "expiresOn: 2026-02-28 is in the past"),
                org.assertj.core.groups.Tuple.tuple(6, "expiresOn: must be a date YYYY-MM-DD or never"),
                org.assertj.core.groups.Tuple.tuple(7, "reason: must not be empty"),
                org.assertj.core.groups.Tuple.tuple(8,
                        "memberId: must be a member id (1-128 characters of A-Z a-z 0-9 . _ : @ + -)"),
                org.assertj.core.groups.Tuple.tuple(9,
                        "has 4 columns; expected 5 (memberId,wallet,amount,expiresOn,reason)"),
                org.assertj.core.groups.Tuple.tuple(11,
                        "amount: must be a positive amount in TWD with at most 2 decimals, e.g. 12.50"),
                org.assertj.core.groups.Tuple.tuple(12, ""));
    }

    @Test
    void aRepeatedMemberWalletAndExpiryIsAnErrorNamingTheFirstRow() {
        var p = parsed(ImportCsv.HEADER + "\nalice,points,5,never,a\nalice,credits,5,never,b\nalice,points,7,never,c\n");
        assertThat(p.lines().get(2).error()).isEqualTo(
                "duplicates row 2 (same member, wallet and expiry): put the amounts in one row");
        assertThat(p.lines().get(1).valid()).isPresent();
    }

    @Test
    void theCurrencyDecidesTheDecimals() {
        var jpy = (ImportCsv.Result.Parsed) ImportCsv.parse(ImportCsv.HEADER + "\na,credits,500,never,r\nb,credits,5.5,never,r",
                JPY, TODAY);
        assertThat(jpy.lines().get(0).valid().orElseThrow().amount()).isEqualTo(500);
        assertThat(jpy.lines().get(1).error()).startsWith("amount: must be a positive amount in JPY with at most 0");
    }

    @Test
    void aFileWithoutHeaderOrRowsOrWithTooManyRowsIsUnreadable() {
        assertThat(ImportCsv.parse("alice,points,5,never,r\n", TWD, TODAY))
                .isEqualTo(new ImportCsv.Result.Unreadable("the first row must be the header " + ImportCsv.HEADER));
        assertThat(ImportCsv.parse("\uFEFF" + ImportCsv.HEADER + "\n\n", TWD, TODAY))
                .isEqualTo(new ImportCsv.Result.Unreadable("the file has no rows after the header"));
        StringBuilder big = new StringBuilder(ImportCsv.HEADER).append('\n');
        for (int i = 0; i <= ImportCsv.MAX_ROWS; i++) {
            big.append("m").append(i).append(",points,1,never,r\n");
        }
        assertThat(ImportCsv.parse(big.toString(), TWD, TODAY)).isEqualTo(new ImportCsv.Result.Unreadable(
                "the file has 100001 rows after the header; at most 100000"));
    }

    @Test
    void quotedFieldsFollowRfc4180() {
        assertThat(ImportCsv.records("a,\"b \"\"q\"\", c\",d\r\ne")).isEqualTo(List.of(
                List.of("a", "b \"q\", c", "d"), List.of("e")));
    }
}
