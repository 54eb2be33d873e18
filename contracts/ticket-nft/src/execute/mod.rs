pub mod admin;
pub mod door;
pub mod events;
pub mod resale;
pub mod sale;
pub mod supervision;
pub mod tickets;
pub mod transfer;
