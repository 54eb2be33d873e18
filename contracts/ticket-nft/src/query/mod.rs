pub mod cw721;
pub mod tickets;
