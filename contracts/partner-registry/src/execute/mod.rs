pub mod admin;
pub mod evidence;
pub mod identity;
pub mod partners;
pub mod quota;
pub mod supervision;
