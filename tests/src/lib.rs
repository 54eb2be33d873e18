//! Cross-contract cw-multi-test suites for TicketChain, one module per flow, plus the contract
//! wrappers and test doubles every suite starts from.

pub mod contracts;
pub mod platform;
pub mod platform_probe;
pub mod receiver;

#[cfg(test)]
mod account_flows;
#[cfg(test)]
mod allocation_flows;
#[cfg(test)]
mod crowdfund_flows;
#[cfg(test)]
mod cw20_conformance;
#[cfg(test)]
mod cw721_conformance;
#[cfg(test)]
mod draw_flows;
#[cfg(test)]
mod festival;
#[cfg(test)]
mod governance_flows;
#[cfg(test)]
mod lockups_flows;
#[cfg(test)]
mod oracle_flows;
#[cfg(test)]
mod platform_invariants;
#[cfg(test)]
mod recipients;
#[cfg(test)]
mod registry_flows;
#[cfg(test)]
mod schedule_flows;
#[cfg(test)]
mod supervision_flows;
#[cfg(test)]
mod ticket_escrow_invariant;
#[cfg(test)]
mod ticket_flows;
#[cfg(test)]
mod tipping_flows;
#[cfg(test)]
mod token_flows;
#[cfg(test)]
mod vouchers_flows;
#[cfg(test)]
mod wager_flows;
