pub mod admin;
pub mod evidence;
pub mod identity;
pub mod mirrors;
pub mod partners;
pub mod quota;
pub mod supervision;
