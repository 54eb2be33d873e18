//! The stores a native transfer touches, as the SDK v0.53 modules lay them out in collections:
//! x/bank's params, send-enabled flags, balances and their denom index, and x/auth's accounts
//! with their account-number index. wasmd's `TransferCoins` (funds sent with a message) and
//! x/bank's `MsgSend` (a contract's `BankMsg::Send`) make the same accesses.

use cosmwasm_std::{Coin, Event};

use super::meter::KvTally;
use super::proto;
use super::state::ChainState;
use super::wasmd::address_len;

/// What the account store holds for an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Account {
    /// A key holder's account; it stores its public key from its first signed transaction on.
    Wallet { signed: bool },
    /// A contract's account, created at instantiation without a key.
    Contract,
}

/// The model does not know the chain's account numbers and sequences; any below 128 encode in
/// one varint byte, as on a young chain (each larger one costs 3 gas more per account read).
const ACCOUNT_NUMBER: u64 = 100;
const SIGNED_SEQUENCE: u64 = 1;

/// x/bank `Params` with only `default_send_enabled = true` set.
const BANK_PARAMS_LEN: u64 = 2;
/// One-byte collection prefixes: bank `ParamsKey`, auth `GlobalAccountNumberKey`.
const ITEM_KEY_LEN: u64 = 1;
/// A `uint64` collection value.
const SEQUENCE_VALUE_LEN: u64 = 8;
/// auth `AccountNumberStoreKeyPrefix` ("accountNumber") and a big-endian account number.
const ACCOUNT_NUMBER_INDEX_KEY_LEN: u64 = 13 + 8;

/// The stored account value.
fn account_value_len(address: &str, account: Account) -> u64 {
    match account {
        Account::Wallet { signed: true } => {
            proto::account_len(address, true, ACCOUNT_NUMBER, SIGNED_SEQUENCE)
        }
        Account::Wallet { signed: false } | Account::Contract => {
            proto::account_len(address, false, ACCOUNT_NUMBER, 0)
        }
    }
}

/// auth `AddressStoreKeyPrefix` and the raw address.
pub fn account_key_len(address: &str) -> u64 {
    1 + address_len(address)
}

/// bank `BalancesPrefix`, the length-prefixed address, the denom.
fn balance_key_len(address: &str, denom: &str) -> u64 {
    1 + 1 + address_len(address) + denom.len() as u64
}

/// bank `DenomAddressPrefix`, the null-terminated denom, the length-prefixed address.
fn denom_index_key_len(address: &str, denom: &str) -> u64 {
    1 + denom.len() as u64 + 1 + 1 + address_len(address)
}

/// `math.Int` values are stored as decimal text.
fn amount_len(amount: u128) -> u64 {
    amount.to_string().len() as u64
}

/// `GetBalance`.
fn read_balance(state: &ChainState, t: &mut KvTally, address: &str, denom: &str) -> u128 {
    let balance = state.balance(address, denom);
    let value_len = if balance == 0 { 0 } else { amount_len(balance) };
    t.read(balance_key_len(address, denom), value_len);
    balance
}

/// `setBalance`: the indexed map rewrites the denom index and the balance, or removes both
/// when the balance reaches zero.
fn write_balance(
    state: &mut ChainState,
    t: &mut KvTally,
    address: &str,
    denom: &str,
    amount: u128,
) {
    if amount == 0 {
        t.delete();
        t.delete();
    } else {
        t.write(denom_index_key_len(address, denom), 0);
        t.write(balance_key_len(address, denom), amount_len(amount));
    }
    state.set_balance(address, denom, amount);
}

/// `NewAccountWithAddress` then `SetAccount`: the next account number is read and advanced,
/// the indexed map looks for an old value and checks the number index before writing it and
/// the account.
pub fn create_account(state: &mut ChainState, t: &mut KvTally, address: &str, account: Account) {
    t.read(ITEM_KEY_LEN, SEQUENCE_VALUE_LEN);
    t.write(ITEM_KEY_LEN, SEQUENCE_VALUE_LEN);
    t.read(account_key_len(address), 0);
    t.has();
    t.write(ACCOUNT_NUMBER_INDEX_KEY_LEN, address_len(address));
    t.write(
        account_key_len(address),
        account_value_len(address, account),
    );
    state.set_account(address, account);
}

/// `sdk.Coins.String()`.
fn coins_text(coins: &[Coin]) -> String {
    coins
        .iter()
        .map(|c| format!("{}{}", c.amount, c.denom))
        .collect::<Vec<_>>()
        .join(",")
}

/// `IsSendEnabledCoins` then `SendCoins`: the bank params and each denom's send-enabled flag,
/// the sender's account (`LockedCoins` looks for vesting), each balance read and rewritten on
/// both sides, then whether the recipient has an account, creating one if not. Returns the
/// events the transfer emits (the `message` event is dropped: wasmd filters it out).
pub fn transfer(
    state: &mut ChainState,
    t: &mut KvTally,
    from: &str,
    to: &str,
    coins: &[Coin],
) -> Result<Vec<Event>, String> {
    t.read(ITEM_KEY_LEN, BANK_PARAMS_LEN);
    for _ in coins {
        t.has();
    }
    let sender = state.account(from);
    t.read(
        account_key_len(from),
        sender.map_or(0, |account| account_value_len(from, account)),
    );
    for coin in coins {
        let amount = coin.amount.u128();
        let balance = read_balance(state, t, from, &coin.denom);
        if balance < amount {
            return Err(format!(
                "spendable balance {balance}{} is smaller than {coin}",
                coin.denom
            ));
        }
        write_balance(state, t, from, &coin.denom, balance - amount);
    }
    for coin in coins {
        let balance = read_balance(state, t, to, &coin.denom);
        write_balance(state, t, to, &coin.denom, balance + coin.amount.u128());
    }
    t.has();
    if state.account(to).is_none() {
        create_account(state, t, to, Account::Wallet { signed: false });
    }
    let amount = coins_text(coins);
    Ok(vec![
        Event::new("coin_spent")
            .add_attribute("spender", from)
            .add_attribute("amount", &amount),
        Event::new("coin_received")
            .add_attribute("receiver", to)
            .add_attribute("amount", &amount),
        Event::new("transfer")
            .add_attribute("recipient", to)
            .add_attribute("sender", from)
            .add_attribute("amount", &amount),
    ])
}

/// A contract's `BankQuery::Balance`: one `GetBalance`.
pub fn query_balance(state: &ChainState, t: &mut KvTally, address: &str, denom: &str) -> u128 {
    read_balance(state, t, address, denom)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::addresses;

    #[test]
    fn a_transfer_to_an_existing_account_pays_its_reads_and_writes() {
        let fan = addresses::account("fan");
        let tipping = addresses::contract("tipping");
        let mut state = ChainState::default();
        state.set_account(&fan, Account::Wallet { signed: true });
        state.set_account(&tipping, Account::Contract);
        state.set_balance(&fan, "ustake", 1_000_000);
        let mut t = KvTally::default();
        let coins = [Coin::new(5_000u128, "ustake")];
        let events = transfer(&mut state, &mut t, &fan, &tipping, &coins).unwrap();
        assert_eq!(state.balance(&fan, "ustake"), 995_000);
        assert_eq!(state.balance(&tipping, "ustake"), 5_000);
        let params = 1_000 + 3 * (1 + 2);
        let send_enabled = 1_000;
        let account = 1_000 + 3 * (21 + 34 + 2 + 45 + 72 + 2 + 2);
        // Balance keys: 1 + 1 + address + "ustake"; denom index: 1 + "ustake" + 1 + 1 + address.
        let from = (1_000 + 3 * (28 + 7)) + (2_000 + 30 * 29) + (2_000 + 30 * (28 + 6));
        let to = (1_000 + 3 * 40) + (2_000 + 30 * 41) + (2_000 + 30 * (40 + 4));
        assert_eq!(t.gas, params + send_enabled + account + from + to + 1_000);
        assert_eq!(events[0].attributes[1].value, "5000ustake");
    }

    #[test]
    fn a_transfer_to_a_new_address_creates_its_account() {
        let fan = addresses::account("fan");
        let treasury = addresses::account("treasury");
        let funded = || {
            let mut state = ChainState::default();
            state.set_account(&fan, Account::Wallet { signed: true });
            state.set_balance(&fan, "ustake", 100);
            state
        };
        let coins = [Coin::new(100u128, "ustake")];
        let mut existing = funded();
        existing.set_account(&treasury, Account::Wallet { signed: false });
        let mut with_account = KvTally::default();
        transfer(&mut existing, &mut with_account, &fan, &treasury, &coins).unwrap();
        let mut state = funded();
        let mut without = KvTally::default();
        transfer(&mut state, &mut without, &fan, &treasury, &coins).unwrap();
        let new_account = (1_000 + 3 * 9)
            + (2_000 + 30 * 9)
            + (1_000 + 3 * 21)
            + 1_000
            + (2_000 + 30 * (21 + 20))
            + (2_000 + 30 * (21 + 34 + 2 + 45 + 2));
        assert_eq!(without.gas, with_account.gas + new_account);
        assert_eq!(
            state.account(&treasury),
            Some(Account::Wallet { signed: false })
        );
        // The sender's balance reached zero: its index entry and balance are deleted.
        assert_eq!(state.balance(&fan, "ustake"), 0);
    }
}
