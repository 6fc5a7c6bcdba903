/** Last line of defence: a rendering bug shows its message instead of an empty pane. */
import React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

interface ErrorBoundaryProps {
  title: string;
  children: React.ReactNode;
}

export class ErrorBoundary extends React.Component<ErrorBoundaryProps, { failure?: Error }> {
  state: { failure?: Error } = {};

  static getDerivedStateFromError(failure: Error): { failure: Error } {
    return { failure };
  }

  render(): React.ReactNode {
    if (!this.state.failure) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{this.props.title}</MessageBarTitle>
          {this.state.failure.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
}
