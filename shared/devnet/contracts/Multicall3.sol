// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.30;

/// @title Multicall3-compatible batcher
/// @notice Answers the Multicall3 calls that viem's `multicall` and batched reads make, with the same selectors
/// and return shapes. Installed with anvil_setCode at 0xcA11bde05977b3631167028862bE2a173976CA11, so it keeps no
/// constructor state.
contract Multicall3 {
    struct Call {
        address target;
        bytes callData;
    }

    struct Call3 {
        address target;
        bool allowFailure;
        bytes callData;
    }

    struct Result {
        bool success;
        bytes returnData;
    }

    /// @notice Calls every target in order; reverts when any call fails.
    function aggregate(Call[] calldata calls) external returns (uint256 blockNumber, bytes[] memory returnData) {
        blockNumber = block.number;
        returnData = new bytes[](calls.length);
        for (uint256 index = 0; index < calls.length; ++index) {
            (bool success, bytes memory data) = calls[index].target.call(calls[index].callData);
            if (!success) revert("Multicall3: call failed");
            returnData[index] = data;
        }
    }

    /// @notice Calls every target in order; a failing call reverts the batch unless it allows failure.
    function aggregate3(Call3[] calldata calls) external returns (Result[] memory returnData) {
        returnData = new Result[](calls.length);
        for (uint256 index = 0; index < calls.length; ++index) {
            Call3 calldata item = calls[index];
            (bool success, bytes memory data) = item.target.call(item.callData);
            if (!success && !item.allowFailure) revert("Multicall3: call failed");
            returnData[index] = Result(success, data);
        }
    }

    function getEthBalance(address account) external view returns (uint256 balance) {
        return account.balance;
    }

    function getBlockNumber() external view returns (uint256 blockNumber) {
        return block.number;
    }

    function getCurrentBlockTimestamp() external view returns (uint256 timestamp) {
        return block.timestamp;
    }

    function getBlockHash(uint256 blockNumber) external view returns (bytes32 blockHash) {
        return blockhash(blockNumber);
    }

    function getChainId() external view returns (uint256 chainId) {
        return block.chainid;
    }

    function getBasefee() external view returns (uint256 basefee) {
        return block.basefee;
    }
}
