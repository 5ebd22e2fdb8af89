// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.30;

/// @notice The token calls the escrow makes.
interface IEscrowedToken {
    function transfer(address to, uint256 value) external returns (bool);
    function transferFrom(address from, address to, uint256 value) external returns (bool);
}

/// @title Bridge escrow
/// @notice One side of the devnet's demo bridge: it locks deposits of one token and holds native ETH. The owner can
/// pause it, which stops deposits and releases; `paused()` is what bridge health reads.
contract BridgeEscrow {
    address public immutable owner;
    IEscrowedToken public immutable token;
    bool public paused;

    event Paused(address account);
    event Unpaused(address account);
    event Deposited(address indexed account, uint256 amount);
    event Released(address indexed to, uint256 amount);

    error NotOwner(address caller);
    error EnforcedPause();
    error ExpectedPause();
    error ZeroAmount();
    error TokenTransferFailed();

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        _;
    }

    modifier whenNotPaused() {
        if (paused) revert EnforcedPause();
        _;
    }

    constructor(IEscrowedToken escrowedToken) {
        owner = msg.sender;
        token = escrowedToken;
    }

    /// @notice Stops deposits and releases. Reverts with EnforcedPause when already paused.
    function pause() external onlyOwner whenNotPaused {
        paused = true;
        emit Paused(msg.sender);
    }

    /// @notice Lets deposits and releases through again. Reverts with ExpectedPause when not paused.
    function unpause() external onlyOwner {
        if (!paused) revert ExpectedPause();
        paused = false;
        emit Unpaused(msg.sender);
    }

    /// @notice Locks `amount` of the token; the caller must have approved the escrow first.
    function deposit(uint256 amount) external whenNotPaused {
        if (amount == 0) revert ZeroAmount();
        if (!token.transferFrom(msg.sender, address(this), amount)) revert TokenTransferFailed();
        emit Deposited(msg.sender, amount);
    }

    /// @notice Pays out `amount` of the token, as the bridge does once a transfer from the other side is proven.
    function release(address to, uint256 amount) external onlyOwner whenNotPaused {
        if (amount == 0) revert ZeroAmount();
        if (!token.transfer(to, amount)) revert TokenTransferFailed();
        emit Released(to, amount);
    }

    /// @notice Accepts native ETH (the escrow's gas-token liquidity).
    receive() external payable {}
}
