//! Money in and out of escrow: primary sales, reserved mints and refunds.

use cosmwasm_std::{wasm_execute, Addr, DepsMut, Env, MessageInfo, Response, Storage, Uint128};
use ctc_conventions::{ctc_hook, validate, CtcHook};
use ctc_interfaces::vouchers::{TicketUse, VoucherExecuteMsg};
use cw20::Cw20ReceiveMsg;

use crate::error::ContractError;
use crate::execute::resale;
use crate::execute::supervision::add_to_report;
use crate::execute::tickets::{
    clear_receiver, clear_sale, count_minted, counters, counts_after, disburse, ensure_scheduled,
    load_event, load_ticket, load_tier, mint, record, save_counts, sold, unlist, update_ledger,
};
use crate::msg::{EventStatus, ReceiveMsg, ReportTotals, TicketStatus};
use crate::state::{Change, Tier, MINTERS, TICKETS, TIERS, TOKEN, VOUCHERS};
use crate::validate::MAX_PER_MESSAGE;

pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    let token = TOKEN.load(deps.storage)?;
    let CtcHook {
        sender: payer,
        amount,
        msg,
    } = ctc_hook::<ReceiveMsg>(deps.api, &token, &info, wrapper)?;
    match msg {
        ReceiveMsg::Buy {
            event_id,
            tier,
            quantity,
            recipient,
            voucher,
        } => {
            let recipient =
                validate::optional_address(deps.api, "recipient", recipient.as_deref())?
                    .unwrap_or_else(|| payer.clone());
            buy(
                deps,
                env,
                (payer, recipient),
                (amount, voucher),
                (event_id, tier, quantity),
            )
        }
        ReceiveMsg::BuyResale { token_id } => {
            resale::buy_resale(deps, env, &token, payer, amount, token_id)
        }
        ReceiveMsg::MintFunded {
            event_id,
            tier,
            recipient,
            quantity,
        } => mint_for_minter(
            deps,
            env,
            (&payer, Some(amount)),
            (event_id, tier),
            recipient,
            quantity,
        ),
    }
}

/// Every way into a tier (sale, `MintReserved`, `MintFunded`) passes here, so a tier whose
/// seats are drawn sells nothing more, whichever path is tried.
fn check_quantity(quantity: u32, tier: &Tier, sold: u32) -> Result<(), ContractError> {
    if tier.seats_drawn {
        return Err(ContractError::SeatsDrawn);
    }
    if quantity == 0 || quantity > MAX_PER_MESSAGE {
        return Err(ContractError::InvalidQuantity {
            max: MAX_PER_MESSAGE,
        });
    }
    let left = tier.supply - sold;
    if quantity > left {
        return Err(ContractError::SoldOut { left });
    }
    Ok(())
}

/// Mints `quantity` tickets of `tier` from serial `first` on, to `owner`.
fn mint_run(
    deps: &mut DepsMut,
    env: &Env,
    (event_id, tier_index): (u64, u8),
    first: u32,
    quantity: u32,
    (owner, minted_value): (&Addr, Option<Uint128>),
) -> Result<Vec<String>, ContractError> {
    let token_ids = (first..first + quantity)
        .map(|serial| {
            mint(
                deps.storage,
                env,
                (event_id, serial),
                tier_index,
                owner,
                minted_value,
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    count_minted(deps.storage, quantity)?;
    Ok(token_ids)
}

/// Counts `quantity` tickets minted with their own value (`Ticket::value`, all of `paid` between
/// them) as the tier's reserved, so that escrow holds that value for them instead of its price.
fn fund(
    storage: &mut dyn Storage,
    (event_id, tier_index): (u64, u8),
    tier: &mut Tier,
    quantity: u32,
    paid: Uint128,
) -> Result<(), ContractError> {
    tier.reserved += quantity;
    TIERS.save(storage, (event_id, tier_index), tier)?;
    if !paid.is_zero() {
        update_ledger(storage, event_id, |ledger| {
            ledger.funded = ledger.funded.checked_add(paid)?;
            Ok(())
        })?;
    }
    Ok(())
}

/// A purchase writes the tickets, their owner index, the collection count and, under a
/// per-wallet limit, the wallets' counts: no event-wide or tier-wide record, and no query.
///
/// A purchase naming a voucher may pay less than the face price, split evenly over the
/// tickets. Its tickets are minted as `MintFunded` mints them, each holding what was paid for it
/// (so escrow stays exact, and a discounted ticket cannot be resold), which writes the tier and
/// the ledger too; and the purchase is reported to the configured vouchers contract, whose
/// refusal reverts it. Which voucher allows which price is for vouchers alone to know.
fn buy(
    mut deps: DepsMut,
    env: Env,
    (buyer, recipient): (Addr, Addr),
    (paid, voucher): (Uint128, Option<String>),
    (event_id, tier_index, quantity): (u64, u8, u32),
) -> Result<Response, ContractError> {
    let event = load_event(deps.storage, event_id)?;
    ensure_scheduled(&event)?;
    let now = env.block.time;
    if now < event.sale_starts_at || now >= event.sale_ends_at {
        return Err(ContractError::SaleClosed {
            starts_at: event.sale_starts_at,
            ends_at: event.sale_ends_at,
        });
    }
    if event.sale_paused {
        return Err(ContractError::SalePaused);
    }
    if event.frozen {
        return Err(ContractError::EventFrozen);
    }
    let mut tier = load_tier(deps.storage, event_id, tier_index)?;
    let sold = sold(deps.storage, event_id, &tier)?;
    check_quantity(quantity, &tier, sold)?;
    let expected = tier.price.checked_mul(Uint128::from(quantity))?;
    // Read only when a voucher is named: a purchase without one reads what it always read.
    let used = match voucher {
        None => match tier.members_of {
            Some(class_id) => return Err(ContractError::MembersOnly { class_id }),
            None => None,
        },
        Some(token_id) => {
            let vouchers = VOUCHERS
                .may_load(deps.storage)?
                .ok_or(ContractError::VouchersNotSet)?;
            // `check_quantity` refused zero.
            Some((token_id, vouchers, paid.multiply_ratio(1u32, quantity)))
        }
    };
    let fair = match &used {
        None => paid == expected,
        Some((_, _, each)) => {
            each.checked_mul(Uint128::from(quantity))? == paid && *each <= tier.price
        }
    };
    if !fair {
        return Err(ContractError::WrongAmount {
            expected,
            received: paid,
        });
    }
    // The limit binds the payer and the holder, so neither many payers for one holder nor one
    // payer for many holders gets around it; at a real-name event it binds the people behind
    // them, so neither do many wallets of one person.
    let counts = match tier.per_wallet_limit {
        None => vec![],
        Some(limit) => {
            let mut counted = counters(deps.storage, now, &event, &buyer)?;
            if recipient != buyer {
                for counter in counters(deps.storage, now, &event, &recipient)? {
                    if !counted.contains(&counter) {
                        counted.push(counter);
                    }
                }
            }
            counts_after(
                deps.storage,
                (event_id, tier_index),
                limit,
                counted,
                quantity,
            )?
        }
    };
    clear_sale(deps.storage, now, &event, &recipient)?;
    if recipient != buyer {
        clear_receiver(deps.storage, now, &event, &buyer)?;
    }

    save_counts(deps.storage, (event_id, tier_index), counts)?;
    let first = tier.first_serial + sold;
    let token_ids = mint_run(
        &mut deps,
        &env,
        (event_id, tier_index),
        first,
        quantity,
        (&recipient, used.as_ref().map(|used| used.2)),
    )?;
    let (mut response, mut named) = (Response::new(), None);
    if let Some((token_id, vouchers, each)) = used {
        fund(
            deps.storage,
            (event_id, tier_index),
            &mut tier,
            quantity,
            paid,
        )?;
        // To the configured contract only: the buyer names the voucher, never who checks it.
        let spend = VoucherExecuteMsg::UseForTickets(TicketUse {
            token_id: token_id.clone(),
            holder: buyer.to_string(),
            issuer: event.issuer.into_string(),
            event_id,
            members_of: tier.members_of,
            quantity,
            price: tier.price,
            paid_each: each,
        });
        response = response.add_message(wasm_execute(vouchers, &spend, vec![])?);
        named = Some(("voucher", token_id));
    }
    Ok(response
        .add_attribute("action", "buy")
        .add_attribute("event_id", event_id.to_string())
        .add_attribute("tier", tier_index.to_string())
        .add_attribute("buyer", buyer)
        .add_attribute("recipient", recipient)
        .add_attribute("amount", paid)
        .add_attribute("token_ids", token_ids.join(","))
        .add_attributes(named))
}

pub fn mint_reserved(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    event_tier: (u64, u8),
    recipient: String,
    quantity: u32,
) -> Result<Response, ContractError> {
    mint_for_minter(
        deps,
        env,
        (&info.sender, None),
        event_tier,
        recipient,
        quantity,
    )
}

/// `MintReserved` (`paid: None`) and `MintFunded` (the amount the minter sent): tickets outside
/// the sale, from an authorised minter, each carrying an equal share of what was paid.
fn mint_for_minter(
    mut deps: DepsMut,
    env: Env,
    (minter, paid): (&Addr, Option<Uint128>),
    (event_id, tier_index): (u64, u8),
    recipient: String,
    quantity: u32,
) -> Result<Response, ContractError> {
    let event = load_event(deps.storage, event_id)?;
    if !MINTERS.has(deps.storage, (event_id, minter)) {
        return Err(ContractError::NotMinter);
    }
    ensure_scheduled(&event)?;
    if env.block.time >= event.ends_at {
        return Err(ContractError::EventEnded);
    }
    if event.frozen {
        return Err(ContractError::EventFrozen);
    }
    let recipient = validate::address(deps.api, "recipient", &recipient)?;
    let mut tier = load_tier(deps.storage, event_id, tier_index)?;
    let sold = sold(deps.storage, event_id, &tier)?;
    check_quantity(quantity, &tier, sold)?;
    let paid = paid.unwrap_or_default();
    // `check_quantity` refused zero.
    let each = paid.multiply_ratio(1u32, quantity);
    let expected = each.checked_mul(Uint128::from(quantity))?;
    if expected != paid {
        return Err(ContractError::WrongAmount {
            expected,
            received: paid,
        });
    }
    // Reserved tickets are issued in the issuer's name: a suspended or revoked issuer issues none,
    // whoever its minter is; the recipient's identity and limit are checked as for a sale (a
    // reward is bought too, through the campaign).
    clear_sale(deps.storage, env.block.time, &event, &recipient)?;
    let counts = match tier.per_wallet_limit {
        None => vec![],
        Some(limit) => {
            let counted = counters(deps.storage, env.block.time, &event, &recipient)?;
            counts_after(
                deps.storage,
                (event_id, tier_index),
                limit,
                counted,
                quantity,
            )?
        }
    };
    save_counts(deps.storage, (event_id, tier_index), counts)?;

    let first = tier.first_serial + sold;
    let token_ids = mint_run(
        &mut deps,
        &env,
        (event_id, tier_index),
        first,
        quantity,
        (&recipient, Some(each)),
    )?;
    fund(
        deps.storage,
        (event_id, tier_index),
        &mut tier,
        quantity,
        paid,
    )?;
    Ok(Response::new()
        .add_attribute("action", "mint_reserved")
        .add_attribute("event_id", event_id.to_string())
        .add_attribute("tier", tier_index.to_string())
        .add_attribute("minter", minter.as_str())
        .add_attribute("recipient", recipient)
        .add_attribute("value", each)
        .add_attribute("token_ids", token_ids.join(",")))
}

/// Pays the holder what is held in escrow for the ticket (for a reserved ticket, the value its
/// minter paid in, if any) and marks it Refunded. A held ticket waits for its hold to be lifted. A used ticket is refunded too: a cancelled
/// show was not delivered as sold, whether or not its holder was already through the door.
pub fn claim_refund(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    token_id: String,
) -> Result<Response, ContractError> {
    let (key, mut ticket) = load_ticket(deps.storage, &token_id)?;
    let event_id = key.0;
    if ticket.owner != info.sender {
        return Err(ContractError::NotOwner);
    }
    let event = load_event(deps.storage, event_id)?;
    if !matches!(event.status, EventStatus::Cancelled { .. }) {
        return Err(ContractError::EventNotCancelled);
    }
    if ticket.status == TicketStatus::Refunded {
        return Err(ContractError::AlreadyRefunded);
    }
    if ticket.held_by.is_some() {
        return Err(ContractError::TicketHeld);
    }
    let tier = load_tier(deps.storage, event_id, ticket.tier)?;
    let amount = ticket.paid(&tier)?;
    if !amount.is_zero() {
        update_ledger(deps.storage, event_id, |ledger| {
            ledger.refunded = ledger.refunded.checked_add(amount)?;
            Ok(())
        })?;
        let refunded = ReportTotals {
            refunded: amount,
            ..ReportTotals::default()
        };
        add_to_report(deps.storage, &event.issuer, env.block.time, refunded)?;
    }
    ticket.status = TicketStatus::Refunded;
    unlist(deps.storage, event_id, &token_id, &mut ticket);
    record(
        deps.storage,
        &env,
        &token_id,
        &mut ticket,
        Change::Refunded {
            to: info.sender.clone(),
            amount,
        },
    )?;
    TICKETS.save(deps.storage, key, &ticket)?;
    let token = TOKEN.load(deps.storage)?;
    Ok(Response::new()
        .add_messages(disburse(
            &token,
            &[(&info.sender, amount)],
            Uint128::zero(),
        )?)
        .add_attribute("action", "claim_refund")
        .add_attribute("event_id", event_id.to_string())
        .add_attribute("token_id", token_id)
        .add_attribute("to", info.sender)
        .add_attribute("amount", amount))
}
